// Generated from Seeds/plan-rules.yaml by `UPDATE_SEEDS=1 swift test --filter OfficialTablesTests`; do not edit.

enum PlanRulesSeed {
    static let text = #"""
        # How `kepu plan import` reads the official target tables' indicators and budget lines.
        # Rules, not code: an office may add its own wording here. The first rule that matches wins.
        #
        # An indicator rule matches when every condition it names holds:
        #   level1, level2, name, target: any of the words appears in that cell (spaces ignored);
        #   unit: the target's unit, once read, is one of these (元 and 万元 are both 元);
        #   kind: the target is `none` (无), `growth` (增加), `number`, `date` or `words`.
        # It gives the metric, optionally the comparison (op) and the indicator's id in the plan file.
        # A target written in a sentence (力争到2025年…达到10%以上) is read for its figure, its comparison
        # and its year (`due: year` makes the indicator due at the end of that year); the words are kept.
        indicators:
          - {kind: none, level2: [经济效益], metric: none, id: economic}
          - {kind: none, level2: [生态效益], metric: none, id: ecological}
          - {kind: none, level2: [社会效益], metric: none, id: social}
          - {kind: none, metric: none, id: none}
          - {kind: growth, name: [志愿], metric: volunteer-growth, id: volunteers}
          - {kind: growth, target: [志愿], metric: volunteer-growth, id: volunteers}
          - {kind: number, name: [大型活动, 主题活动, 主场活动, 两次], unit: [次, 场], metric: major-events, id: major-events}
          - {kind: number, level2: [数量指标], unit: [次, 场, 期], metric: events, id: events}
          - {kind: number, unit: [人次], metric: attendance, id: reach}
          - {kind: number, level2: [时效指标], unit: [个月], metric: completion-months, op: "<=", id: timeliness}
          - {kind: date, level2: [时效指标], metric: completion-date, id: timeliness}
          - {kind: number, level2: [成本指标], unit: [元], metric: spending, op: "<=", id: cost}
          - {kind: number, name: [科学素质, 科学文化素质, 科学素养], unit: ["%"], metric: "measurement:literacy-rate", due: year, id: literacy}
          - {kind: number, target: [科学素质, 科学素养], unit: ["%"], metric: "measurement:literacy-rate", due: year, id: literacy}
          - {kind: number, level1: [满意度], unit: ["%"], metric: satisfaction, id: satisfaction}
          - {kind: number, level2: [满意度], unit: ["%"], metric: satisfaction, id: satisfaction}
          - {kind: number, name: [志愿者], unit: [人, 名], metric: volunteers, id: volunteers}
          - {kind: number, name: [印刷, 资料, 宣传品], unit: [份, 册], metric: print-copies, id: print}

        # 二级指标 whose 一级指标 is known, for a table that leaves the 一级 cell blank (the seed does, for
        # 满意度指标 under a merged 效益指标).
        levels:
          数量指标: 产出指标
          质量指标: 产出指标
          时效指标: 产出指标
          成本指标: 产出指标
          经济效益指标: 效益指标
          社会效益指标: 效益指标
          生态效益指标: 效益指标
          可持续影响指标: 效益指标
          满意度指标: 满意度指标
          社会公众及服务对象满意度指标: 满意度指标
          服务对象满意度指标: 满意度指标

        # Budget lines: an id for the line's name, the first that matches.
        lines:
          - {name: [委托], id: commission}
          - {name: [印刷, 复印, 排版], id: printing}
          - {name: [宣传资料], id: printing}
        """#
}
