"""Interface language: which one a request wants, the interface strings, and label choice.

The language comes from ``?lang=`` (which also sets a cookie, so the switch sticks while the
user browses), then the cookie, then the settings' default. Entity labels follow the interface
language where the graph has both, and fall back to the other language rather than to nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import Request
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS
from unsckg.server.pages.protocols import LANGUAGES, PageConfig

COOKIE = "unsckg_lang"

STRINGS: dict[str, tuple[str, str]] = {
    # key: (中文, English)
    "site.name": ("安理会知识图谱", "UNSC Knowledge Graph"),
    "nav.home": ("首页", "Home"),
    "nav.search": ("搜索", "Search"),
    "nav.query": ("查询", "Query"),
    "nav.explore": ("图谱浏览", "Explore"),
    "nav.votes": ("表决矩阵", "Votes"),
    "nav.timeline": ("主席国时间线", "Presidencies"),
    "nav.ontology": ("本体", "Ontology"),
    "nav.skip": ("跳到正文", "Skip to content"),
    "lang.switch": ("语言", "Language"),
    "query.title": ("SPARQL 查询", "SPARQL query"),
    "query.gallery": ("示例查询", "Example queries"),
    "query.run": ("运行", "Run"),
    "query.none": ("暂无示例查询。", "No example queries yet."),
    "query.endpoint": ("端点", "Endpoint"),
    "query.syntax": ("查询语法错误", "Syntax error in the query"),
    "query.at": ("位置：第 {line} 行，第 {column} 列", "At line {line}, column {column}"),
    "explore.title": ("图谱浏览", "Graph explorer"),
    "explore.search": (
        "搜索实体（国家、人员、会议、决议）",
        "Search (state, person, meeting, resolution)",
    ),
    "explore.search.button": ("搜索", "Search"),
    "explore.layout": ("布局", "Layout"),
    "explore.classes": ("按类别筛选", "Filter by class"),
    "explore.export": ("导出", "Export"),
    "explore.clear": ("清空", "Clear"),
    "explore.fit": ("适应窗口", "Fit"),
    "explore.hint": (
        "搜索一个实体，然后点击节点展开其邻居。",
        "Search for an entity, then click a node to expand its neighbours.",
    ),
    "explore.panel": ("实体详情", "Entity details"),
    "explore.suggestions": ("或从这里开始：", "Or start from:"),
    "explore.neighbours": ("相邻实体（点击展开）", "Neighbours (click to expand)"),
    "explore.group": ("一组，点击展开", "group: click to open"),
    "explore.noresults": ("没有找到结果。", "No results."),
    "explore.groups": ("分组", "Groups"),
    "explore.time": ("时间（年份）", "Time (years)"),
    "explore.from": ("起始年份", "From year"),
    "explore.to": ("截止年份", "To year"),
    "explore.time.note": (
        "只筛选有日期的邻居：表决、会议、文件、代表关系、主席国、安理会任期。",
        "Applies to dated neighbours: votes, meetings, documents, representations,"
        " presidencies, Council terms.",
    ),
    "explore.time.reset": ("全部年份", "All years"),
    "entity.facts": ("事实", "Facts"),
    "entity.incoming": ("反向链接", "Incoming links"),
    "entity.evidence": ("出处与引文", "Provenance and quotes"),
    "entity.external": ("外部链接", "External links"),
    "entity.property": ("属性", "Property"),
    "entity.value": ("值", "Value"),
    "entity.subject": ("主体", "Subject"),
    "entity.document": ("文件", "Document"),
    "entity.quote": ("引文", "Quote"),
    "entity.source": ("来源", "Source"),
    "entity.types": ("类别", "Class"),
    "entity.notfound": ("图谱中没有这个实体。", "This entity is not in the graph."),
    "entity.explore": ("在图谱中浏览", "Open in the explorer"),
    "entity.formats": ("其他格式", "Other formats"),
    "ontology.title": ("本体", "Ontology"),
    "ontology.classes": ("类", "Classes"),
    "ontology.properties": ("属性", "Properties"),
    "ontology.individuals": ("个体", "Individuals"),
    "ontology.domain": ("定义域", "Domain"),
    "ontology.range": ("值域", "Range"),
    "ontology.term": ("术语", "Term"),
    "ontology.label": ("标签", "Label"),
    "ontology.comment": ("说明", "Comment"),
    "ontology.or": ("或", "or"),
    "votes.title": ("表决矩阵", "Vote matrix"),
    "votes.member": ("成员", "Member"),
    "votes.none": ("图谱中没有表决记录。", "The graph holds no votes."),
    "votes.legend": ("图例", "Legend"),
    "votes.explanation": ("解释投票", "explanation of vote"),
    "votes.tally": ("票数（赞成–反对–弃权）", "Tally (for–against–abstaining)"),
    "vote.InFavour": ("赞成", "In favour"),
    "vote.Against": ("反对", "Against"),
    "vote.Abstention": ("弃权", "Abstention"),
    "vote.Absent": ("缺席", "Absent"),
    "timeline.title": ("主席国时间线", "Presidency timeline"),
    "timeline.month": ("月份", "Month"),
    "timeline.president": ("主席国", "Presidency"),
    "timeline.meetings": ("会议", "Meetings"),
    "timeline.themes": ("主题", "Themes"),
    "timeline.none": ("图谱中没有主席国或会议。", "The graph holds no presidencies or meetings."),
    "home.title": ("首页", "Home"),
    "home.lede": (
        "联合国安理会文件中的会议、主席国、表决和决议，按实体浏览，无需编写 SPARQL。",
        "Meetings, presidencies, votes and resolutions from Security Council documents:"
        " browse them by entity, no SPARQL needed.",
    ),
    "home.entry": ("浏览", "Browse"),
    "home.meetings": ("最近的会议", "Latest meetings"),
    "home.resolutions": ("最近的决议", "Latest resolutions"),
    "home.tools": ("视图与工具", "Views and tools"),
    "home.sparql": ("为熟悉 SPARQL 的用户", "for readers who write SPARQL"),
    "home.empty": ("暂无。", "None yet."),
    "kind.states": ("会员国", "States"),
    "kind.people": ("人员", "People"),
    "kind.meetings": ("会议", "Meetings"),
    "kind.resolutions": ("决议", "Resolutions"),
    "kind.documents": ("文件", "Documents"),
    "kind.votes": ("表决", "Votes"),
    "search.label": (
        "搜索国家、人员、会议、决议、主题",
        "Search states, people, meetings, resolutions, themes",
    ),
    "search.placeholder": ("例如：古特雷斯、维和、Viet Nam", "e.g. Guterres, peacekeeping, 越南"),
    "common.only.zh": ("仅有中文", "in Chinese only"),
    "common.only.en": ("仅有英文", "in English only"),
    "kind.themes": ("主题", "Themes"),
    "browse.title": ("{kind}一览", "{kind}"),
    "browse.count": ("共 {n} 条", "{n} rows"),
    "browse.filters": ("筛选", "Filters"),
    "browse.clear": ("清除筛选", "Clear filters"),
    "browse.page": ("第 {page} / {pages} 页", "Page {page} of {pages}"),
    "browse.prev": ("上一页", "Previous"),
    "browse.next": ("下一页", "Next"),
    "browse.download": ("下载", "Download"),
    "browse.none": ("没有符合条件的条目。", "Nothing matches these filters."),
    "browse.sortby": ("按此列排序", "Sort by this column"),
    "facet.year": ("年份", "Year"),
    "facet.format": ("形式", "Format"),
    "facet.presidency": ("主席国", "Presidency"),
    "facet.outcome": ("成果", "Outcome"),
    "facet.procedure": ("程序", "Procedure"),
    "facet.permanent": ("常任/非常任", "Permanent or elected"),
    "facet.state": ("国家", "State"),
    "facet.role": ("职务", "Role"),
    "facet.doc_kind": ("文件类型", "Kind"),
    "facet.language": ("语言", "Language"),
    "facet.value": ("投票", "Vote"),
    "facet.voter": ("投票国", "Voter"),
    "col.name": ("名称", "Name"),
    "col.iso3": ("ISO 代码", "ISO code"),
    "col.presidencies": ("主席国任期", "Presidencies"),
    "col.date": ("日期", "Date"),
    "col.meeting": ("会议", "Meeting"),
    "col.symbol": ("文号", "Symbol"),
    "col.adopted": ("通过日期", "Adopted"),
    "col.draft": ("草案", "Draft"),
    "col.document": ("文件", "Document"),
    "col.theme": ("主题", "Theme"),
    "col.first": ("首次", "First"),
    "col.last": ("最近", "Latest"),
    "value.permanent": ("常任理事国", "permanent"),
    "value.elected": ("非常任/其他", "elected or other"),
    "search.found": ("“{q}”：{n} 个结果", "{n} results for “{q}”"),
    "search.help": (
        "搜索名称（中英文）、别名、文号、会议主题和文件引文；英文字母也可匹配中文名的拼音。",
        "Search names in Chinese and English, other names, symbols, meeting themes and quoted"
        " document text; Latin letters also match the pinyin of Chinese names.",
    ),
    "search.text": ("文件文本", "document text"),
    "search.by.label": ("名称", "name"),
    "search.by.prefLabel": ("名称", "name"),
    "search.by.altLabel": ("别名", "other name"),
    "search.by.symbol": ("文号", "symbol"),
    "search.by.iso3": ("ISO 代码", "ISO code"),
    "search.by.theme": ("主题", "theme"),
    "search.by.agendaItem": ("议程项目", "agenda item"),
    "search.by.title": ("标题", "title"),
    "search.by.quote": ("引文", "quote"),
    "entity.more": ("另有 {n} 项未列出。", "{n} more not listed."),
    "entity.text": ("文件文本（已提取的段落）", "Document text (the extracted spans)"),
    "entity.text.note": (
        "图谱只保存每个事实所引的原文片段；这里按原文顺序列出，并标出各段陈述的事实。",
        "The graph keeps only the spans of text that state facts; they are shown here in"
        " reading order, each marked with the facts it states.",
    ),
    "entity.gap": ("{n} 个字符", "{n} characters"),
    "state.terms": ("安理会席位", "Terms on the Council"),
    "state.since": ("自", "since"),
    "state.noseat": ("从未当选安理会成员。", "Never a member of the Council."),
    "state.presidencies": ("图谱中的主席任期", "Presidencies in the graph"),
    "state.nopresidency": (
        "已收录的文件未提到该国担任主席。",
        "No document ingested names it as president.",
    ),
    "rec.title": ("文件与表决数据的核对", "Documents against the voting data"),
    "rec.lede": (
        "unsckg reconcile 逐票、逐项计票比较文件所述与联合国图书馆表决数据，"
        "列出一致、不一致及仅一方所有的陈述，并给出双方证据。",
        "unsckg reconcile compares, vote by vote and tally by tally, what the documents state"
        " with the UN Library's voting data: agreements, disagreements (with both pieces of"
        " evidence) and what only one side states.",
    ),
    "rec.none": (
        "尚未核对：导入表决数据（unsckg import-votes）后运行 unsckg reconcile。",
        "Nothing reconciled yet: import voting data (unsckg import-votes), then run"
        " unsckg reconcile.",
    ),
    "rec.summary": ("各方面的结果", "Findings per aspect"),
    "rec.aspect": ("方面", "Aspect"),
    "rec.aspect.vote": ("投票", "vote"),
    "rec.aspect.tally": ("计票", "tally"),
    "rec.aspect.adopted": ("通过日期", "adoption date"),
    "rec.aspect.meeting": ("会议", "meeting"),
    "rec.outcome.agree": ("一致", "agree"),
    "rec.outcome.disagree": ("不一致", "disagree"),
    "rec.outcome.only documents": ("仅文件有", "only the documents"),
    "rec.outcome.only voting data": ("仅表决数据有", "only the voting data"),
    "rec.documents": ("文件所述", "The documents"),
    "rec.data": ("表决数据", "The voting data"),
    "rec.sources": ("来源", "Sources"),
    "rec.section": ("与表决数据核对", "Checked against the voting data"),
    "rec.all": ("全部不一致", "All disagreements"),
    "nav.reconciliation": ("核对", "Reconciliation"),
    "entity.fulltext": ("文件全文", "Document text"),
    "entity.fulltext.note": (
        "全文如构建时所读；标出的段落是提取出事实的原文，悬停可见其事实。",
        "The whole text as the build read it; the marked spans are where facts were"
        " extracted from (hover for the facts).",
    ),
    "search.by.text": ("全文", "full text"),
    "votes.all": ("全部年份", "All years"),
    "votes.agenda": ("议程项目", "Agenda item"),
    "votes.agenda.all": ("全部议程", "All agenda items"),
    "votes.agenda.none": ("议程不详", "Agenda not known"),
    "votes.agenda.apply": ("筛选", "Filter"),
    "votes.rows": (
        "行为当年参加表决的成员，列为表决。",
        "Rows are the members who voted that year; columns are the votes.",
    ),
    "votes.veto": ("否决", "veto"),
    "votes.notadopted": ("未通过", "not adopted"),
    "state.votes": ("历年表决", "Votes over time"),
    "state.votes.chart": (
        "每年赞成、反对、弃权票数的柱状图",
        "Bar chart of votes in favour, against and abstaining per year",
    ),
    "state.table": ("数据表", "The numbers"),
    "state.undated": (
        "另有 {n} 票没有日期，未计入图表。",
        "{n} more votes have no date and are not charted.",
    ),
    "state.agreement": ("与其他成员投票一致的比例", "Agreement with other members"),
    "state.agreement.axis": ("投票相同的比例（%）", "Same vote (%)"),
    "state.common": ("共同表决", "Votes in common"),
    "state.same": ("投票相同", "Same vote"),
    "map.title": ("表决地图", "Vote map"),
    "map.agree.title": ("投票一致度地图", "Agreement map"),
    "map.agree.state": ("会员国", "State"),
    "map.agree.self": ("所选国家", "the state chosen"),
    "map.agree.tip": (
        "{share}% 相同（{common} 次共同表决中 {same} 次）",
        "{share}% the same ({same} of {common} votes in common)",
    ),
    "map.agree.caption": (
        "{state}与其他 {n} 个成员在共同参与的表决中投票相同的比例。",
        "Share of the votes {state} and each of {n} other members cast the same way,"
        " among the votes both cast.",
    ),
    "map.agree.bin": ("{low}–{high}% 相同", "{low}–{high}% the same"),
    "map.agree.none": ("不是共同表决的成员", "no vote in common"),
    "map.agree.share": ("相同比例", "Same vote"),
    "map.agree.common": ("共同表决", "Votes in common"),
    "map.agree.link": ("在地图上查看投票一致度", "Agreement on a map"),
    "map.agree.other": ("或某一国家的投票一致度：", "Or one state's agreement:"),
    "map.vote": ("表决", "Vote"),
    "map.show": ("显示", "Show"),
    "map.caption": (
        "参加这次表决的 {n} 个成员，按投票着色。",
        "The {n} members who voted, coloured by their vote.",
    ),
    "nav.map": ("地图", "Map"),
    "common.loading": ("加载中…", "Loading…"),
    "common.error": ("出错了", "Something went wrong"),
    "error.400": ("请求有误", "Bad request"),
    "error.404": ("找不到该页面或实体", "Not found"),
    "error.405": ("不支持该请求方法", "Method not allowed"),
    "error.406": ("无法提供所要求的格式", "Format not available"),
    "error.other": ("服务器未能完成请求", "The server could not answer"),
    "error.next": ("可以从这里继续：", "You can go on from here:"),
}


# Names for the standard terms the graph reuses; the store holds labels only for its own terms.
STANDARD_TERMS: dict[str, tuple[str, str]] = {
    str(RDF.type): ("类别", "class"),
    str(RDFS.label): ("名称", "name"),
    str(RDFS.comment): ("说明", "comment"),
    str(RDFS.seeAlso): ("参见", "see also"),
    str(SKOS.altLabel): ("其他名称", "other names"),
    str(SKOS.prefLabel): ("首选名称", "preferred name"),
    str(OWL.sameAs): ("等同于", "same as"),
    str(PROV.wasDerivedFrom): ("出自文件", "derived from"),
    str(DCTERMS.title): ("标题", "title"),
}


def standard_label(uri: str, language: str) -> str | None:
    """The interface's own name for a standard RDF term, or None."""
    pair = STANDARD_TERMS.get(uri)
    if pair is None:
        return None
    return pair[LANGUAGES.index(language) if language in LANGUAGES else 0]


def request_language(request: Request, config: PageConfig) -> str:
    """The interface language this request asks for (``zh`` or ``en``)."""
    for candidate in (request.query_params.get("lang"), request.cookies.get(COOKIE)):
        if candidate in LANGUAGES:
            return str(candidate)
    return config.default_language


def translator(language: str) -> dict[str, str]:
    """All interface strings in one language, for templates and for the page scripts."""
    index = LANGUAGES.index(language) if language in LANGUAGES else 0
    return {key: pair[index] for key, pair in STRINGS.items()}


def pick_label(labels: Iterable[tuple[str, str]], language: str) -> str | None:
    """Choose the label to show from (text, language tag) pairs.

    The interface language first, then the other interface language, then an untagged label,
    then anything: a Chinese-only entity still shows its Chinese name on the English pages.
    """
    order = [language, *(code for code in LANGUAGES if code != language), ""]
    ranked: dict[str, str] = {}
    for text, tag in labels:
        base = tag.split("-")[0].lower()
        ranked.setdefault(base, text)
    for code in order:
        if code in ranked:
            return ranked[code]
    return next(iter(ranked.values()), None)
