"""The demo standard: 《浙江省社区教育数字学习资源建设标准》, written in the GB/T 1.1-2020 manner.

``body(published)`` gives the 征求意见稿 (``published=False``) or the 发布稿. Clause keys are
shared, so the two versions differ only where the drafting group changed the text after
comments: the change view then shows added, removed and changed clauses.
"""

from . import authoring as a

CODE = "DB33/T 2987—2026"
TITLE = "浙江省社区教育数字学习资源建设标准"
TITLE_EN = "Specification for the construction of digital learning resources for community education in Zhejiang"
ISSUING_BODY = "浙江省市场监督管理局"


def _foreword(published):
    stage = "" if published else "本文件为征求意见稿，意见反馈截止日期为2026年4月30日。\n"
    return a.section(
        "foreword",
        "前言",
        stage + "本文件按照GB/T 1.1—2020《标准化工作导则  第1部分：标准化文件的结构和起草规则》的规定起草。\n"
        "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。\n"
        "本文件由浙江省教育厅提出并归口。\n"
        "本文件起草单位：浙江省社区教育指导中心、浙江开放大学、杭州市社区学院、宁波市社区大学、温州市社区学院。",
        key="foreword",
    )


def _introduction():
    return a.section(
        "introduction",
        "引言",
        "全省“社区教育进农村文化礼堂”等项目每年建设大量视频、音频和文档类学习资源，资源的技术质量参差不齐，"
        "部分资源无字幕、画面模糊、时长过长，不便于老年学习者和农村居民使用。\n"
        "为统一资源建设要求，便于资源在“学习广场·浙江终身学习在线”“第三年龄学堂”等平台共享，制定本文件。"
        "本文件中标注自动检查方法的要求，可由资源管理系统读取文件本身进行符合性检查。",
        key="introduction",
    )


def _scope():
    return a.chapter(
        "scope",
        "范围",
        a.paragraph(
            "本文件规定了社区教育数字学习资源建设的总体要求，以及视频、音频、文档资源和资源元数据的技术要求、"
            "适老化与无障碍要求和质量检查方法。"
        ),
        a.paragraph(
            "本文件适用于浙江省各级社区教育机构建设、采购和审核社区教育数字学习资源，其他终身教育机构可参照使用。"
        ),
    )


def _references():
    return a.references(
        "references",
        ("GB/T 1.1—2020", "标准化工作导则  第1部分：标准化文件的结构和起草规则"),
        ("GB/T 15834—2011", "标点符号用法"),
        ("GB/T 21365—2008", "信息技术  学习、教育和培训  学习对象元数据"),
        ("GB/T 36642—2018", "信息技术  学习、教育和培训  在线课程"),
    )


def _terms():
    return a.terms(
        "terms",
        a.term(
            "term.resource",
            "数字学习资源",
            "以数字形式存储和传播、用于支持社区居民学习的视频、音频、文档等资源。",
            "digital learning resource",
        ),
        a.term(
            "term.microlesson",
            "微课",
            "围绕一个知识点或技能点组织、时长较短的视频学习资源。",
            "micro-lesson",
            "微课通常与练习、文档等配套使用。",
        ),
        a.term("term.package", "资源包", "同一门课程的全部数字学习资源及其元数据的集合。", "resource package"),
        a.term("term.captions", "字幕", "与视频或音频内容同步显示的文字。", "captions"),
        a.term("term.metadata", "元数据", "描述数字学习资源的标题、作者、语言、版权等属性的数据。", "metadata"),
        a.term(
            "term.ageing",
            "适老化",
            "为便于老年人感知、理解和操作而对资源的内容和形式所作的设计。",
            "age-friendly design",
        ),
        a.term("term.text_layer", "文字层", "文档中可被选择、复制和朗读的文字信息。", "text layer"),
        a.term(
            "term.coverage",
            "字幕覆盖率",
            "视频中有字幕显示的时间占视频总时长的百分比。",
            "captions coverage",
        ),
    )


def _general():
    return a.chapter(
        "general",
        "总体要求",
        a.clause(
            "general.orientation",
            "导向性",
            a.shall("general.orientation", "资源内容应坚持正确的政治方向和价值导向，不得含有违反法律法规的内容。"),
        ),
        a.clause(
            "general.audience",
            "适用性",
            a.shall("general.audience", "资源应面向社区居民的学习需要，语言通俗易懂，贴近生产生活实际。"),
            a.should("general.dialect", "面向农村文化礼堂的资源宜结合本地方言、民俗和产业特点。"),
        ),
        a.clause(
            "general.consistency",
            "规范性",
            a.shall(
                "general.consistency", "资源中的文字、标点、计量单位应符合国家通用语言文字规范和GB/T 15834—2011的规定。"
            ),
        ),
        a.clause(
            "general.copyright",
            "版权",
            a.shall("general.copyright", "资源建设单位应取得资源中全部素材的使用授权。", "manual"),
            a.should(
                "general.license",
                "资源宜在元数据中注明许可方式。",
                "automatic",
                rules=[a.rule("metadata_filled", key="rule.license", field="license")],
            ),
            a.may("general.open", "资源可采用知识共享许可协议开放共享。"),
            explanation="<p>资源在多个平台之间共享时，版权不清是最常见的下架原因；在元数据中写明许可方式，"
            "便于平台自动判断能否转载。</p>",
        ),
    )


def _video(published):
    frame_rate = 25 if published else 30
    micro_low = 5 if published else 10
    coverage = 90 if published else 80
    format_clauses = [
        a.clause(
            "video.container",
            "封装格式",
            a.shall(
                "video.container",
                "视频文件应采用MP4封装格式。",
                "automatic",
                rules=[a.rule("format_in", key="rule.video.format", formats="mp4", kinds=["video"])],
            ),
        ),
        a.clause(
            "video.codec",
            "视频编码",
            a.shall(
                "video.codec",
                "视频应采用H.264编码。",
                "automatic",
                rules=[a.rule("video_codec_in", key="rule.video.codec", codecs="h264")],
            ),
            a.may("video.hevc", "面向新版平台的资源可另行提供H.265编码版本。"),
        ),
        a.clause(
            "video.resolution",
            "分辨率",
            a.shall(
                "video.resolution",
                "视频的垂直分辨率应不低于720像素。",
                "automatic",
                rules=[a.rule("video_min_height", key="rule.video.height", min_height=720)],
            ),
            a.should("video.resolution.hd", "新建课程的视频宜采用1920×1080分辨率。"),
            a.note("垂直分辨率720像素即通常所说的“720p高清”。"),
        ),
        a.clause(
            "video.frame_rate",
            "帧率",
            a.shall(
                "video.frame_rate",
                f"视频帧率应不低于{frame_rate}帧/秒。",
                "automatic",
                rules=[a.rule("video_min_frame_rate", key="rule.video.fps", min_fps=frame_rate)],
            ),
        ),
    ]
    picture_clauses = [
        a.clause(
            "video.picture",
            "画面",
            a.shall("video.picture", "画面应清晰稳定，主体突出，无明显抖动、偏色和马赛克。"),
            a.example("在文化礼堂现场拍摄时使用三脚架，并在讲台两侧补光。", "positive"),
            a.example("手持手机拍摄、逆光站位，学员看不清讲解人的面部和演示动作。", "negative"),
        ),
        a.clause(
            "video.sound",
            "声音",
            a.shall(
                "video.sound",
                "伴音应清晰，音频采样率应不低于44.1 kHz。",
                "automatic",
                rules=[a.rule("audio_min_sample_rate", key="rule.video.rate", min_hz=44100, kinds=["video"])],
            ),
            a.should("video.sound.level", "背景音乐宜低于讲解声音，不宜掩盖讲解内容。"),
        ),
        a.clause(
            "video.titles",
            "片头与片尾",
            a.shall("video.titles", "片头应显示课程名称、讲次和主讲人，片尾应显示制作单位和制作年份。"),
            a.should("video.titles.length", "片头时长宜不超过10秒。"),
        ),
    ]
    if not published:
        picture_clauses.append(
            a.clause(
                "video.watermark",
                "台标与水印",
                a.shall("video.watermark", "视频画面右上角应显示建设单位台标。"),
            )
        )
    captions_clauses = [
        a.clause(
            "video.captions.file",
            "字幕文件",
            a.shall(
                "video.captions.file",
                "视频应配有与之同步的外挂字幕文件，字幕文件采用WebVTT或SRT格式。",
                "automatic",
                rules=[a.rule("captions_present", key="rule.captions")],
            ),
            explanation="<p>外挂字幕便于平台切换字号、便于检索，也便于听力减退的老年学习者使用；"
            "烧录在画面中的字幕无法被检查，也无法放大。</p>",
        ),
        a.clause(
            "video.captions.coverage",
            "字幕覆盖率",
            a.should(
                "video.captions.coverage",
                f"有讲解内容的视频，字幕覆盖率宜不低于{coverage}%。",
                "automatic",
                rules=[a.rule("captions_coverage", key="rule.captions.coverage", min_percent=coverage)],
            ),
            a.note("片头、片尾和纯音乐段落可不配字幕，故不要求达到100%。"),
        ),
        a.clause(
            "video.captions.text",
            "字幕文字",
            a.shall("video.captions.text", "字幕文字应与讲解内容一致，每行不超过20个汉字，无错别字。", "semi"),
        ),
    ]
    if published:
        captions_clauses.append(
            a.clause(
                "video.captions.sign",
                "手语与口述影像",
                a.may("video.captions.sign", "面向听障或视障学习者的资源可增加手语翻译画面或口述影像音轨。"),
            )
        )
    return a.chapter(
        "video",
        "视频资源",
        a.clause("video.format", "格式与编码", *format_clauses),
        a.clause(
            "video.length",
            "时长",
            a.clause(
                "video.length.micro",
                "微课",
                a.should(
                    "video.length.micro",
                    f"微课时长宜为{micro_low}~20分钟。",
                    "automatic",
                    rules=[
                        a.rule(
                            "duration_between",
                            key="rule.video.length",
                            kinds=["video"],
                            min_minutes=micro_low,
                            max_minutes=20,
                        )
                    ],
                ),
                explanation="<p>老年学习者连续观看的注意力一般在15分钟左右，过长的视频宜拆分为多个微课。</p>",
            ),
            a.clause(
                "video.length.lecture",
                "讲座",
                a.should("video.length.lecture", "讲座类视频宜按内容分段，每段不超过45分钟。"),
            ),
        ),
        a.clause("video.quality", "画面与声音", *picture_clauses),
        a.clause("video.captions", "字幕", *captions_clauses),
        a.clause(
            "video.size",
            "文件大小",
            a.shall(
                "video.size",
                "单个视频文件应不超过500 MB。",
                "automatic",
                rules=[a.rule("file_size_max", key="rule.video.size", max_mb=500, kinds=["video"])],
            ),
            a.table(
                "视频资源技术参数",
                [
                    ["参数", "要求"],
                    ["封装格式", "MP4"],
                    ["视频编码", "H.264"],
                    ["垂直分辨率", "≥720像素"],
                    ["帧率", f"≥{frame_rate}帧/秒"],
                    ["音频采样率", "≥44.1 kHz"],
                    ["单个文件大小", "≤500 MB"],
                ],
                key="table.video",
            ),
        ),
    )


def _audio():
    return a.chapter(
        "audio",
        "音频资源",
        a.clause(
            "audio.format",
            "格式",
            a.shall(
                "audio.format",
                "音频文件应采用MP3或M4A格式。",
                "automatic",
                rules=[a.rule("format_in", key="rule.audio.format", formats="mp3, m4a", kinds=["audio"])],
            ),
        ),
        a.clause(
            "audio.rate",
            "采样率",
            a.shall(
                "audio.rate",
                "音频采样率应不低于44.1 kHz。",
                "automatic",
                rules=[a.rule("audio_min_sample_rate", key="rule.audio.rate", min_hz=44100, kinds=["audio"])],
            ),
        ),
        a.clause(
            "audio.length",
            "时长",
            a.should(
                "audio.length",
                "单个音频资源时长宜为3~30分钟。",
                "automatic",
                rules=[
                    a.rule("duration_between", key="rule.audio.length", kinds=["audio"], min_minutes=3, max_minutes=30)
                ],
            ),
        ),
        a.clause(
            "audio.transcript",
            "文稿",
            a.should("audio.transcript", "音频资源宜同时提供讲稿或文字稿。"),
            a.example("“越剧唱腔欣赏”音频配有唱词文本，学员可边听边看。", "positive"),
        ),
    )


def _documents():
    return a.chapter(
        "documents",
        "文档资源",
        a.clause(
            "doc.format",
            "格式",
            a.shall(
                "doc.format",
                "供学习者下载的文档应采用PDF格式。",
                "automatic",
                rules=[a.rule("format_in", key="rule.doc.format", formats="pdf", kinds=["document"])],
            ),
        ),
        a.clause(
            "doc.text",
            "文字层",
            a.shall(
                "doc.text",
                "PDF文档应包含文字层，不应仅由扫描图像构成。",
                "automatic",
                rules=[a.rule("pdf_text_layer", key="rule.doc.text")],
            ),
            explanation="<p>只有带文字层的文档才能被读屏软件朗读、被放大后保持清晰，并能被平台检索。</p>",
        ),
        a.clause(
            "doc.length",
            "篇幅",
            a.should(
                "doc.length",
                "单个学习手册宜不超过60页。",
                "automatic",
                rules=[a.rule("pdf_pages_between", key="rule.doc.pages", max_pages=60)],
            ),
        ),
        a.clause(
            "doc.layout",
            "版式",
            a.shall("doc.layout", "面向老年学习者的文档正文字号应不小于四号（14磅），行距不小于1.5倍。", "manual"),
        ),
        a.clause(
            "doc.size",
            "文件大小",
            a.shall(
                "doc.size",
                "单个文档文件应不超过20 MB。",
                "automatic",
                rules=[a.rule("file_size_max", key="rule.doc.size", max_mb=20, kinds=["document"])],
            ),
        ),
    )


def _metadata(published):
    required = [
        a.rule("metadata_filled", key="rule.meta.title", field="title"),
        a.rule("metadata_filled", key="rule.meta.author", field="author"),
    ]
    if published:
        required.append(a.rule("metadata_filled", key="rule.meta.language", field="language"))
    return a.chapter(
        "metadata",
        "资源元数据",
        a.clause(
            "meta.required",
            "必备元数据",
            a.shall(
                "meta.required",
                "每个资源应著录附录A规定的必备元数据元素。" if published else "每个资源应著录标题和责任者。",
                "automatic",
                rules=required,
            ),
        ),
        a.clause(
            "meta.optional",
            "可选元数据",
            a.may("meta.optional", "资源可著录关键词、适用对象和学习时长等可选元数据元素。"),
        ),
    )


def _ageing(published):
    clauses = [
        a.clause(
            "ageing.text",
            "字号与对比度",
            a.shall("ageing.text", "画面中的文字应清晰可辨，与背景有足够的对比度。", "semi"),
            a.should("ageing.text.size", "画面文字高度宜不小于画面高度的1/20。"),
        ),
        a.clause(
            "ageing.pace",
            "语速",
            a.should("ageing.pace", "讲解语速宜为每分钟160~200字，重要步骤宜放慢并重复演示。"),
        ),
    ]
    if published:
        clauses.append(
            a.clause(
                "ageing.operation",
                "操作便利",
                a.should("ageing.operation", "资源包宜提供大字版目录和操作说明，便于老年学习者自主查找。"),
            )
        )
    return a.chapter("ageing", "适老化与无障碍", *clauses)


def _quality():
    return a.chapter(
        "quality",
        "质量检查",
        a.clause(
            "quality.methods",
            "检查方法",
            a.paragraph("各条要求的检查方法分为自动、半自动和人工三类，分别在条文中标明。"),
            a.shall(
                "quality.methods",
                "标明自动检查的要求，应由资源管理系统读取资源文件本身进行检查，不应仅依据填报信息。",
            ),
        ),
        a.clause(
            "quality.verdict",
            "符合性判定",
            a.shall("quality.verdict", "资源的全部“应”类要求均未判定为不符合时，方可判定该资源符合本文件。"),
            a.note("无法读取的文件应判定为“无法确定”并人工复核，不应推定为符合或不符合。"),
        ),
        a.clause(
            "quality.report",
            "检查报告",
            a.shall("quality.report", "检查报告应按课程和资源列出每条规则的检查结果及对应条款号。"),
            a.should("quality.report.cycle", "资源建设单位宜每学期开展一次全面检查。"),
        ),
    )


def _annex_a():
    return a.annex(
        "annex.metadata",
        "资源元数据元素",
        a.clause(
            "annex.metadata.required",
            "必备元素",
            a.paragraph("资源的必备元数据元素见表A.1。"),
            a.table(
                "必备元数据元素",
                [
                    ["元素", "键名", "说明"],
                    ["标题", "title", "资源的正式名称"],
                    ["责任者", "author", "主讲人或编写单位"],
                    ["语种", "language", "如zh、zh-wuu（吴语）"],
                    ["许可方式", "license", "如“CC BY-NC 4.0”或“仅限平台内使用”"],
                ],
                key="table.metadata",
            ),
        ),
        a.clause(
            "annex.metadata.format",
            "著录格式",
            a.shall("annex.metadata.format", "元数据应以UTF-8编码的键值形式随资源提交。"),
        ),
        normative=True,
    )


def _annex_b():
    return a.annex(
        "annex.record",
        "资源检查记录表示例",
        a.clause(
            "annex.record.sample",
            "记录表",
            a.paragraph("资源检查记录可参照表B.1填写。"),
            a.table(
                "资源检查记录表",
                [
                    ["课程", "资源", "条款", "检查结果", "处理意见"],
                    ["老年智能手机应用", "第1讲 视频通话", "5.4.1", "不符合", "补充字幕文件"],
                    ["家庭园艺入门", "学习手册", "7.2", "符合", "—"],
                ],
                key="table.record",
            ),
        ),
    )


def _bibliography():
    return a.section(
        "bibliography",
        "参考文献",
        "[1] 浙江省社区教育指导中心. 社区教育进农村文化礼堂特色课程建设指南[Z]. 2019.\n"
        "[2] 浙江省社区教育指导中心. 2017-2018浙江省社区教育发展报告[R]. 杭州, 2019.",
        key="bibliography",
    )


def body(published):
    return [
        _foreword(published),
        _introduction(),
        _scope(),
        _references(),
        _terms(),
        _general(),
        _video(published),
        _audio(),
        _documents(),
        _metadata(published),
        _ageing(published),
        _quality(),
        _annex_a(),
        _annex_b(),
        _bibliography(),
    ]


FAQ = [
    (
        "标准适用于哪些资源？",
        "适用于各级社区教育机构建设、采购和审核的视频、音频和文档类数字学习资源，包括特色课程和老年教育专题资源。",
    ),
    (
        "“应”“宜”“可”有什么区别？",
        "“应”表示必须满足的要求，资源只要有一条“应”类要求不符合，就判定为不符合；“宜”表示推荐做法；“可”表示允许的做法。",
    ),
    (
        "检查结果中的“无法确定”是什么意思？",
        "文件缺失、损坏或格式无法识别时，系统不会猜测结果，而是标为“无法确定”，需要人工打开文件复核。",
    ),
    (
        "如何引用某一条款？",
        "每条条款旁的“§”链接即为该条款的永久链接；条款页面下方给出了可直接复制的引用格式。",
    ),
]

EXAMPLES = [
    (
        "符合标准的微课示例",
        "“老年智能手机应用·视频通话”微课：1920×1080分辨率、25帧/秒、H.264编码，时长12分钟，配有WebVTT字幕，"
        "字幕覆盖率96%，元数据著录完整。",
    ),
    (
        "常见不符合情形",
        "手机竖屏拍摄导致分辨率不足720像素；讲座录像长达90分钟未分段；字幕烧录在画面中而无外挂字幕文件；"
        "学习手册由扫描图片生成，无法放大和朗读。",
    ),
]

DOWNLOADS = [
    ("条款数据（JSON）", "标准全部条款、要求等级和检查规则的结构化数据，可供资源管理系统直接读取。"),
    ("资源检查记录表", "附录B检查记录表的可编辑版本，供人工检查时填写。"),
]
