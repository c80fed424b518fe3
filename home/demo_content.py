"""The words of the demo site: original text about a provincial community-education center.

Kept apart from the code that builds pages (home/demo.py) so writers can edit it alone.
"""

import datetime

HOME = {
    "title": "浙江省社区教育指导中心",
    "introduction": (
        "服务全民终身学习，推动社区教育进农村文化礼堂。"
        "这里发布特色课程、学习活动、《社区教育研究》期刊与数字学习资源建设标准。"
    ),
    "body": [
        ("heading", "中心工作六个方面"),
        (
            "paragraph",
            "<p>中心围绕实践指导、理论研究、政策咨询、队伍建设、学习资源建设和合作交流六个方面开展工作，"
            "每年遴选建设一批社区教育特色课程，组织开展农村文化礼堂学习活动，编辑出版《社区教育研究》，"
            "并发布年度社区教育发展报告。</p>",
        ),
    ],
}

HOME_EN = {
    "浙江省社区教育指导中心": "Zhejiang Provincial Community Education Guidance Center",
    HOME["introduction"]: (
        "Serving lifelong learning for all and bringing community education into village "
        "cultural halls. Here we publish characteristic courses, learning activities, the "
        "journal Community Education Research and the digital learning resource standard."
    ),
    "中心工作六个方面": "Six areas of our work",
    HOME["body"][1][1]: (
        "<p>The center works in six areas: guidance of practice, theory research, policy advice, "
        "workforce building, learning resources, and cooperation. Each year it selects and builds "
        "a set of characteristic community-education courses, organises learning activities in "
        "village cultural halls, edits the journal Community Education Research and publishes "
        "the yearly report on the development of community education.</p>"
    ),
}

ABOUT = {
    "title": "中心简介",
    "slug": "about",
    "introduction": "浙江省社区教育指导中心是全省社区教育和终身学习的业务指导机构，依托浙江开放大学设立。",
    "body": [
        ("heading", "机构定位"),
        (
            "paragraph",
            "<p>中心依托浙江开放大学（原浙江广播电视大学）设立，与学校传媒中心协同工作，"
            "面向全省社区学院、城乡社区学校和农村文化礼堂，承担社区教育的业务指导、研究咨询和资源建设任务。</p>",
        ),
        ("heading", "主要职责"),
        (
            "paragraph",
            "<p>开展社区教育实践指导，培育特色品牌项目；组织社区教育理论研究和年度规划课题；"
            "为教育行政部门提供政策咨询；组织社区教育工作者培训；建设和推广数字化学习资源；"
            "推进长三角社区教育合作与国际交流。</p>",
        ),
        ("quote", "让每一位市民在家门口就能学习，让每一座文化礼堂都成为终身学习的课堂。", "中心工作理念"),
        ("heading", "联系我们"),
        ("paragraph", "<p>地址：浙江省杭州市西湖区文三路；办公时间：工作日上午8:30—12:00，下午1:30—5:00。</p>"),
    ],
}

ABOUT_EN = {
    "中心简介": "About the Center",
    ABOUT["introduction"]: (
        "The Zhejiang Provincial Community Education Guidance Center guides community education "
        "and lifelong learning across the province. It is hosted by the Open University of Zhejiang."
    ),
    "机构定位": "Our place",
    ABOUT["body"][1][1]: (
        "<p>The center is hosted by the Open University of Zhejiang (formerly Zhejiang Radio and "
        "TV University) and works with its media centre. It guides, researches and builds "
        "resources for the province's community colleges, urban and rural community schools and "
        "village cultural halls.</p>"
    ),
    "主要职责": "What we do",
    ABOUT["body"][3][1]: (
        "<p>We guide community-education practice and grow characteristic projects; organise "
        "theory research and yearly planned research projects; advise education authorities on "
        "policy; train community-education workers; build and promote digital learning "
        "resources; and take part in Yangtze River Delta cooperation and international exchange.</p>"
    ),
    ABOUT["body"][4][1]: (
        "Every resident can learn on their doorstep, and every cultural hall can be a classroom for lifelong learning."
    ),
    "中心工作理念": "The center's guiding idea",
    "联系我们": "Contact us",
    ABOUT["body"][6][1]: (
        "<p>Address: Wensan Road, Xihu District, Hangzhou, Zhejiang. Office hours: weekdays "
        "8:30–12:00 and 13:30–17:00.</p>"
    ),
}

NEWS_INDEX = {
    "title": "新闻通知",
    "slug": "news",
    "introduction": "中心工作动态、全省社区教育新闻和通知公告。",
}

NEWS_INDEX_EN = {
    "新闻通知": "News and notices",
    NEWS_INDEX["introduction"]: "News of the center's work, community education across the province, and notices.",
}

# (kind, date, title, source, introduction, paragraphs)
NEWS = [
    (
        "notice",
        datetime.date(2019, 3, 8),
        "关于开展2019年社区教育特色课程遴选工作的通知",
        "浙江省社区教育指导中心",
        "请各市社区教育指导机构组织辖区社区学院、社区学校申报2019年度社区教育进农村文化礼堂特色课程。",
        [
            "各市社区教育指导中心：为深入推进社区教育进农村文化礼堂，中心决定开展2019年度特色课程遴选工作，计划遴选建设特色课程100门。",
            "申报课程应贴近农村居民生活，内容涵盖文化传承、健康养生、技能提升、家庭教育等方面，每门课程不少于6讲，并配有视频、音频或文档等数字资源。",
            "请于4月15日前将申报材料报送中心，逾期不予受理。",
        ],
    ),
    (
        "news",
        datetime.date(2019, 3, 26),
        "全省社区教育工作会议在杭州召开",
        "浙江省社区教育指导中心",
        "会议总结了2018年全省社区教育工作，部署了2019年重点任务。",
        [
            "3月26日，全省社区教育工作会议在杭州召开，各市、县（市、区）社区教育指导机构负责人参加会议。",
            "会议指出，过去一年全省农村文化礼堂累计开展学习活动一万余场，社区教育服务乡村振兴的作用进一步显现。",
            "会议要求，2019年要继续做好特色课程建设、学习活动组织和数字化学习资源推广工作。",
        ],
    ),
    (
        "notice",
        datetime.date(2019, 4, 10),
        "关于征集社区教育服务乡村振兴典型案例的通知",
        "浙江省社区教育指导中心",
        "面向全省征集社区教育服务乡村振兴的典型案例，优秀案例将收入年度案例集。",
        [
            "为总结推广各地社区教育服务乡村振兴的经验做法，中心面向全省征集典型案例。",
            "案例应包括所在地区、实施机构、主题、实施过程、取得成效和图片资料，字数3000字左右。",
        ],
    ),
    (
        "news",
        datetime.date(2019, 4, 28),
        "《社区教育研究》2019年第2期出版",
        "《社区教育研究》编辑部",
        "本期设理论探索、实践研究、乡村振兴与社区教育等栏目，共刊发论文十一篇。",
        [
            "《社区教育研究》2019年第2期近日出版。本期围绕社区教育服务乡村振兴、老年教育资源建设等主题组织稿件。",
            "欢迎广大社区教育工作者和研究人员投稿。",
        ],
    ),
    (
        "notice",
        datetime.date(2019, 5, 6),
        "关于举办第七届全民终身学习活动周浙江分会场活动的通知",
        "浙江省社区教育指导中心",
        "第七届全民终身学习活动周浙江分会场活动将于10月下旬举行，请各地做好组织工作。",
        [
            "各市社区教育指导中心：根据全国全民终身学习活动周总体安排，浙江分会场活动将于10月下旬举行。",
            "请各地结合实际组织学习成果展示、百姓学习之星评选和终身学习品牌项目推介等活动。",
        ],
    ),
    (
        "news",
        datetime.date(2019, 5, 20),
        "第三年龄学堂新增十个老年教育专题资源",
        "浙江省社区教育指导中心",
        "新增资源涵盖智能手机使用、健康养生、书法绘画等主题，已在学习广场·浙江终身学习在线上线。",
        [
            "为满足老年人多样化学习需求，中心组织建设了十个老年教育专题数字化资源，已在第三年龄学堂和学习广场·浙江终身学习在线上线。",
            "资源以微课形式呈现，每节课时长五至十五分钟，配有字幕，方便老年学员在手机上学习。",
        ],
    ),
    (
        "notice",
        datetime.date(2019, 6, 3),
        "关于开展社区教育工作者业务培训的通知",
        "浙江省社区教育指导中心",
        "中心将于6月下旬举办全省社区教育工作者业务培训班，重点学习课程开发与活动组织。",
        [
            "培训对象为各地社区学院、社区学校专兼职工作人员，培训时间三天。",
            "培训内容包括社区教育课程开发、数字学习资源建设标准解读和学习活动组织实务。",
        ],
    ),
    (
        "news",
        datetime.date(2019, 6, 30),
        "长三角社区教育协作会议在嘉兴举行",
        "浙江省社区教育指导中心",
        "沪苏浙皖四地社区教育机构围绕资源共享和人员交流达成合作意向。",
        [
            "6月下旬，长三角社区教育协作会议在嘉兴举行，来自上海、江苏、浙江、安徽的社区教育机构代表参加会议。",
            "会议商定，四地将共建共享社区教育课程资源，定期开展工作人员交流和联合研究。",
        ],
    ),
    (
        "notice",
        datetime.date(2019, 7, 15),
        "2019年度社区教育规划课题立项名单公示",
        "浙江省社区教育指导中心",
        "经专家评审，拟立项规划课题四十项、实验项目二十项，现予公示。",
        ["公示期为7月15日至7月21日。如有异议，请在公示期内以书面形式向中心反映。"],
    ),
    (
        "news",
        datetime.date(2019, 9, 12),
        "湖州市农村文化礼堂学习活动走进百个行政村",
        "湖州市社区教育指导中心",
        "湖州市以特色课程为抓手，推动学习活动覆盖全市一百个行政村文化礼堂。",
        [
            "今年以来，湖州市依托特色课程，组织社区教育讲师深入农村文化礼堂开展学习活动。",
            "活动内容包括茶艺、蚕桑文化、垃圾分类和防范电信诈骗等，深受村民欢迎。",
        ],
    ),
    (
        "notice",
        datetime.date(2019, 10, 8),
        "关于推荐百佳社区教育志愿者的通知",
        "浙江省社区教育指导中心",
        "请各地推荐在社区教育工作中表现突出的志愿者，参加全省百佳社区教育志愿者评选。",
        ["推荐对象应长期参与社区教育志愿服务，服务时长累计不少于200小时。"],
    ),
    (
        "news",
        datetime.date(2019, 11, 5),
        "浙江省社区教育数字学习资源建设标准征求意见",
        "浙江省社区教育指导中心",
        "标准对视频、音频格式、微课时长、字幕和元数据提出要求，现向社会公开征求意见。",
        [
            "《浙江省社区教育数字学习资源建设标准（征求意见稿）》已在本网站发布。",
            "标准规定了社区教育数字学习资源的技术要求、内容要求和元数据要求，欢迎各地社区学院和资源建设单位提出意见。",
        ],
    ),
]

SETTINGS = {
    "center_name": "浙江省社区教育指导中心",
    "center_name_en": "Zhejiang Provincial Community Education Guidance Center",
    "address": "浙江省杭州市西湖区文三路（浙江开放大学内）",
    "address_en": "Open University of Zhejiang, Wensan Road, Xihu District, Hangzhou",
    "phone": "0571-88000000",
    "email": "sqjy@example.org.cn",
    "icp_number": "浙ICP备00000000号",
    "public_security_number": "浙公网安备 33010602000000号",
}
