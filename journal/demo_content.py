"""Words the demo journal is written from: original, realistic, deterministic when seeded."""

SECTIONS = [
    ("theory", "理论探索", "Theoretical Studies"),
    ("practice", "实践研究", "Practice Research"),
    ("elderly", "老年教育", "Education for Older People"),
    ("colleges", "社区学院建设", "Community Colleges"),
    ("learning-society", "终身学习与学习型社会", "Lifelong Learning and the Learning Society"),
    ("international", "国际视野", "International Perspectives"),
]

# (name, pinyin as the person writes it, affiliation index)
PEOPLE = [
    ("王晓燕", "Wang Xiaoyan", 0),
    ("陈建国", "Chen Jianguo", 0),
    ("李慧敏", "Li Huimin", 1),
    ("张国强", "Zhang Guoqiang", 2),
    ("刘婷婷", "Liu Tingting", 3),
    ("杨志华", "Yang Zhihua", 4),
    ("赵丽君", "Zhao Lijun", 5),
    ("黄俊杰", "Huang Junjie", 6),
    ("周雅琴", "Zhou Yaqin", 7),
    ("吴海涛", "Wu Haitao", 8),
    ("徐静怡", "Xu Jingyi", 9),
    ("孙伟明", "Sun Weiming", 10),
    ("胡晓东", "Hu Xiaodong", 11),
    ("朱莉莉", "Zhu Lili", 0),
    ("高志远", "Gao Zhiyuan", 1),
    ("林芳", "Lin Fang", 2),
    ("何文斌", "He Wenbin", 3),
    ("郭晓梅", "Guo Xiaomei", 4),
    ("马俊", "Ma Jun", 5),
    ("罗慧", "Luo Hui", 6),
    ("梁永健", "Liang Yongjian", 7),
    ("宋佳", "Song Jia", 8),
    ("郑明华", "Zheng Minghua", 9),
    ("谢雨婷", "Xie Yuting", 10),
    ("韩立新", "Han Lixin", 11),
    ("唐秀英", "Tang Xiuying", 0),
    ("冯磊", "Feng Lei", 1),
    ("董晓红", "Dong Xiaohong", 2),
    ("欧阳晨", "Ouyang Chen", 3),
    ("沈卫东", "Shen Weidong", 4),
    ("叶青", "Ye Qing", 5),
    ("蒋丽华", "Jiang Lihua", 6),
]

AFFILIATIONS = [
    ("浙江开放大学社区教育研究院", "Institute of Community Education, Zhejiang Open University"),
    ("杭州市社区大学", "Hangzhou Community College"),
    ("宁波社区大学", "Ningbo Community College"),
    ("温州市社区学院", "Wenzhou Community College"),
    ("嘉兴市社区学院", "Jiaxing Community College"),
    ("湖州市社区大学", "Huzhou Community College"),
    ("绍兴市社区教育学院", "Shaoxing College of Community Education"),
    ("金华开放大学", "Jinhua Open University"),
    ("衢州市社区学院", "Quzhou Community College"),
    ("舟山市社区大学", "Zhoushan Community College"),
    ("台州开放大学", "Taizhou Open University"),
    ("丽水开放大学", "Lishui Open University"),
]

# (topic, English topic, keywords, English keywords, section slug)
TOPICS = [
    (
        "社区教育服务乡村振兴",
        "Community Education Serving Rural Revitalisation",
        ["社区教育", "乡村振兴"],
        ["community education", "rural revitalisation"],
        "practice",
    ),
    (
        "农村文化礼堂学习活动",
        "Learning Activities in Village Cultural Halls",
        ["农村文化礼堂", "学习活动"],
        ["village cultural hall", "learning activities"],
        "practice",
    ),
    (
        "老年教育数字化资源建设",
        "Digital Learning Resources for Older People",
        ["老年教育", "数字化资源"],
        ["education for older people", "digital resources"],
        "elderly",
    ),
    (
        "老年人智能技术运用能力提升",
        "Improving Older People's Use of Smart Technology",
        ["老年人", "数字素养"],
        ["older people", "digital literacy"],
        "elderly",
    ),
    (
        "学习型城市建设",
        "Building Learning Cities",
        ["学习型城市", "终身学习"],
        ["learning city", "lifelong learning"],
        "learning-society",
    ),
    (
        "终身学习成果认证与学分银行",
        "Recognising Lifelong Learning Outcomes through Credit Banks",
        ["学分银行", "成果认证"],
        ["credit bank", "recognition of learning outcomes"],
        "learning-society",
    ),
    (
        "社区学院内涵式发展",
        "Quality-Oriented Development of Community Colleges",
        ["社区学院", "内涵式发展"],
        ["community college", "quality development"],
        "colleges",
    ),
    (
        "社区教育工作者专业化",
        "Professionalising Community Education Workers",
        ["社区教育工作者", "专业化"],
        ["community education workers", "professionalisation"],
        "colleges",
    ),
    (
        "社区教育志愿服务",
        "Volunteering in Community Education",
        ["志愿服务", "社区教育"],
        ["volunteering", "community education"],
        "practice",
    ),
    (
        "社区治理与居民学习共同体",
        "Community Governance and Residents' Learning Communities",
        ["社区治理", "学习共同体"],
        ["community governance", "learning community"],
        "theory",
    ),
    (
        "社区教育课程体系",
        "Curriculum Systems of Community Education",
        ["课程体系", "社区教育"],
        ["curriculum system", "community education"],
        "theory",
    ),
    (
        "家庭教育指导服务",
        "Guidance Services for Family Education",
        ["家庭教育", "指导服务"],
        ["family education", "guidance services"],
        "practice",
    ),
    (
        "新型职业农民培训",
        "Training New Professional Farmers",
        ["职业农民", "农村成人教育"],
        ["professional farmers", "rural adult education"],
        "practice",
    ),
    (
        "长三角社区教育协同发展",
        "Coordinated Community Education in the Yangtze River Delta",
        ["长三角", "协同发展"],
        ["Yangtze River Delta", "coordinated development"],
        "learning-society",
    ),
    (
        "游学项目与市民终身学习地图",
        "Study Tours and the Citizens' Lifelong Learning Map",
        ["游学", "终身学习地图"],
        ["study tours", "lifelong learning map"],
        "learning-society",
    ),
    (
        "社区教育的国际比较",
        "International Comparison of Community Education",
        ["国际比较", "社区教育"],
        ["international comparison", "community education"],
        "international",
    ),
    (
        "韩国终身教育政策",
        "Lifelong Education Policy in Korea",
        ["韩国", "终身教育政策"],
        ["Korea", "lifelong education policy"],
        "international",
    ),
    (
        "社区教育资源统筹",
        "Coordinating Community Education Resources",
        ["资源统筹", "社区教育"],
        ["resource coordination", "community education"],
        "theory",
    ),
]

PLACES = [
    ("杭州市西湖区", "Xihu District, Hangzhou"),
    ("宁波市鄞州区", "Yinzhou District, Ningbo"),
    ("湖州市安吉县", "Anji County, Huzhou"),
    ("嘉兴市桐乡市", "Tongxiang, Jiaxing"),
    ("绍兴市上虞区", "Shangyu District, Shaoxing"),
    ("金华市义乌市", "Yiwu, Jinhua"),
    ("衢州市江山市", "Jiangshan, Quzhou"),
    ("丽水市松阳县", "Songyang County, Lishui"),
    ("台州市临海市", "Linhai, Taizhou"),
    ("温州市瑞安市", "Rui'an, Wenzhou"),
    ("舟山市普陀区", "Putuo District, Zhoushan"),
]

LENSES = [
    ("协同治理理论", "Collaborative Governance Theory"),
    ("成人学习理论", "Adult Learning Theory"),
    ("社会资本理论", "Social Capital Theory"),
    ("积极老龄化", "Active Ageing"),
    ("扎根理论", "Grounded Theory"),
]

# (Chinese pattern, English pattern): {topic}, {place}, {lens}
TITLE_PATTERNS = [
    ("{place}{topic}的实践探索", "Practical Exploration of {topic_en} in {place_en}"),
    ("{topic}的现实困境与推进路径", "{topic_en}: Current Difficulties and Ways Forward"),
    ("基于{lens}的{topic}研究", "{topic_en} from the Perspective of {lens_en}"),
    ("{topic}评价指标体系的构建", "Constructing an Evaluation Index System for {topic_en}"),
    ("新时代{topic}的逻辑与进路", "{topic_en} in the New Era: Logic and Approaches"),
    ("{topic}的调查与思考——以{place}为例", "{topic_en}: A Survey in {place_en}"),
    ("{topic}的运行机制研究——基于{place}的个案分析", "How {topic_en} Works: A Case Study of {place_en}"),
]

FINDINGS = [
    (
        "基层学习点布局趋于均衡，但课程供给与居民需求之间仍存在结构性错位",
        "learning points are now evenly spread, but the courses offered still do not match what residents need",
    ),
    (
        "多元主体参与意愿较强，而稳定的协同机制与经费保障尚未形成",
        "many parties are willing to take part, yet stable coordination and funding are still missing",
    ),
    (
        "志愿者与兼职教师构成师资主体，专业发展通道有待打通",
        "volunteers and part-time teachers make up most of the workforce and lack a path for professional growth",
    ),
    (
        "线上学习资源总量快速增长，但适老化设计与使用指导明显不足",
        "online resources have grown quickly, but age-friendly design and guidance on using them lag behind",
    ),
    (
        "学习成果难以得到认定与转换，影响了居民持续参与的积极性",
        "learning outcomes are hard to have recognised or transferred, which discourages continued participation",
    ),
]

SUGGESTIONS = [
    ("建立需求导向的课程动态调整机制", "a demand-led mechanism for adjusting courses"),
    ("完善政府主导、多方参与的协同治理格局", "government-led governance in which many parties take part"),
    ("构建分层分类的社区教育师资培训体系", "tiered training for community education staff"),
    ("推进学习成果认证与学分银行建设", "recognition of learning outcomes through a credit bank"),
    ("以文化礼堂为载体打造“家门口”的学习圈", "learning circles on residents' doorsteps, built around cultural halls"),
]

FUNDING = [
    "浙江省教育科学规划课题（{year}SCG{n:03d}）",
    "浙江省社科联社科普及课题（{year}KP{n:02d}）",
    "浙江开放大学社区教育研究院规划课题（SQJY{year}{n:02d}）",
]

BODY_HEADINGS = ["一、问题的提出", "二、现状与问题分析", "三、推进路径与对策建议", "四、结语"]

# (project, summary, theme)
CASE_PROJECTS = [
    ("“村晚”学堂", "以村民自编自演的文艺晚会为纽带，把学习活动嵌入节庆。", "文化传承"),
    ("茶农技能夜校", "围绕茶叶种植与电商销售开设夜校课程，帮助茶农增收。", "产业技能"),
    ("银龄数字课堂", "组织大学生志愿者结对辅导老年人使用智能手机。", "数字素养"),
    ("乡贤议事学习会", "借助乡贤议事会开展村规民约学习与讨论。", "乡村治理"),
    ("非遗传习工坊", "邀请非遗传承人进文化礼堂授课，培养本土传承人。", "文化传承"),
    ("民宿管家培训营", "面向民宿从业者开展服务礼仪与经营管理培训。", "产业技能"),
    ("家风家训宣讲团", "挖掘本村家风家训故事，编写乡土教材并巡回宣讲。", "乡村治理"),
    ("垃圾分类学习站", "以积分激励居民参加垃圾分类学习与实践。", "乡村治理"),
    ("老年大学村级教学点", "把老年大学课程送到村里，开设书法、戏曲与健康养生班。", "老年教育"),
    ("农村电商直播课堂", "培训村民用短视频与直播销售本地农产品。", "产业技能"),
    ("智能手机互助小组", "由会用手机的老人带动身边老人，学习挂号、缴费与视频通话。", "数字素养"),
]
COUNTIES = {
    "hangzhou": ["淳安县", "桐庐县"],
    "ningbo": ["宁海县", "象山县"],
    "wenzhou": ["永嘉县", "泰顺县"],
    "jiaxing": ["海盐县", "嘉善县"],
    "huzhou": ["安吉县", "德清县"],
    "shaoxing": ["新昌县", "诸暨市"],
    "jinhua": ["浦江县", "磐安县"],
    "quzhou": ["开化县", "龙游县"],
    "zhoushan": ["岱山县", "嵊泗县"],
    "taizhou": ["天台县", "仙居县"],
    "lishui": ["松阳县", "遂昌县"],
}

REPORT_CHAPTERS = [
    ("总报告：浙江省社区教育发展的总体态势", "梳理两年来全省社区教育在体系建设、资源供给和参与规模上的变化。"),
    ("社区教育办学网络建设", "从省、市、县、乡、村五级网络看办学体系的完善程度。"),
    ("社区教育进农村文化礼堂", "总结文化礼堂特色课程与学习活动的组织经验。"),
    ("老年教育发展", "分析老年教育的供给规模、数字化资源与“第三年龄学堂”的运行。"),
    ("社区教育队伍建设", "介绍专兼职教师、志愿者队伍的规模结构与培训情况。"),
    ("典型案例与发展展望", "选取各地代表性做法，并对下一阶段发展提出建议。"),
]

PROJECTS = [
    ("社区教育服务乡村振兴的机制研究", "planned", 2019, 0, "completed"),
    ("农村文化礼堂学习活动质量评价研究", "planned", 2019, 1, "in_progress"),
    ("老年人智能技术运用能力培训模式研究", "planned", 2019, 2, "in_progress"),
    ("社区教育工作者胜任力模型构建", "planned", 2018, 3, "completed"),
    ("学分银行框架下社区教育学习成果认证实验", "experimental", 2019, 4, "in_progress"),
    ("“家门口”学习圈建设实验", "experimental", 2018, 5, "completed"),
    ("社区教育数字学习资源标准应用实验", "experimental", 2019, 6, "approved"),
    ("游学项目课程化实验", "experimental", 2018, 7, "completed"),
    ("浙江省社区教育发展报告（2017-2018）", "result", 2019, 0, "awarded"),
    ("社区教育服务乡村振兴案例集", "result", 2019, 8, "awarded"),
    ("城乡社区老年教育一体化研究", "result", 2018, 9, "awarded"),
]
