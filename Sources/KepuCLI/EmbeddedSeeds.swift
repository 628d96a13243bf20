// Generated from Seeds/ by `UPDATE_SEEDS=1 swift test --filter EmbeddedSeedsTests`; do not edit.
// The demo must work from any folder, so the seeds are compiled into the binary.

enum EmbeddedSeeds {
    static let planName = "2023-shifeng-kexie.yaml"
    static let demoName = "2023.kepu"

    static let plan = #"""
        # 2023年部门整体支出绩效目标表, 区级专项资金绩效目标汇总表 (附表2) and
        # 区级专项资金支出方向绩效目标表 (附表3) of 株洲市石峰区科学技术协会, carried figure for figure.
        # Amounts are written as in the tables (万元); kepu keeps them in fen.
        unit: 株洲市石峰区科学技术协会
        year: 2023
        period: {start: 2023-01-01, end: 2023-12-31}
        budget:
          total: 55.62万          # 资金总额
          basic: 52.62万          # 其中：基本支出
          project: 3万            # 项目支出
          general: 55.62万        # 其中：一般公共预算拨款
          governmentFund: 0       # 政府性基金拨款 (blank in the table)
          other: 0                # 其他资金 (blank in the table)
        department:
          duties: 区政府主管科普工作的正科级群团组织，参与制定全区科普工作总体规划和年度计划；开展学术交流，组织开展青少年科技教育活动；表彰、宣传优秀科技工作者；发挥党和政府联系科技工作者的桥梁、纽带作用；负责科普队伍建设及科技信息化融合发展；指导科普协会工作。
        fund:
          name: 业务性专项          # 支出方向（子项）
          parent: A专项             # 所属专项
          category: 业务性专项      # 汇总表：一、业务性专项 3
          term: 2023年1月－2023年12月
        goals:
          implementation: 两次大型活动，科普宣传，科技工作者表彰，科技信息化融合发展
          annual: 推荐科技成果，举荐科技人才，发展基层科协组织，全民素质得到提高
          annualSummary: 推荐科技成果，举荐科技人才，全民素质得到提高
        keyWork:
          - {item: 事项1, owner: 办公室, goal: 全国科普日、科技活动周活动的开展}
        lines:
          - id: commission
            name: 活动委托费
            category: 科普活动
            amount: 2.5万
            basis: 活动1次/1.25万元×2次（授课费、人员工资、车辆、展架、条幅等）
          - id: printing
            name: 资料排版复印
            category: 科普宣传资料
            amount: 0.5万
            basis: 彩色1元/份×2000份=0.2万元；单色0.5元/份×6000份=0.3万元
            runs:
              - {ink: color, unitPrice: 1元, copies: 2000}
              - {ink: mono, unitPrice: 0.5元, copies: 6000}
        indicators:
          - {id: major-events, level1: 产出指标, level2: 数量指标, name: 两次大型活动, target: 2次, op: ">=", metric: major-events, standard: 活动开展}
          - {id: reach, level1: 产出指标, level2: 质量指标, name: 扩大受众群众, target: 2万人次, op: ">=", metric: attendance, standard: 参与人数增加}
          - {id: timeliness, level1: 产出指标, level2: 时效指标, name: 2023年1月-12月, target: 12个月, op: "<=", metric: completion-months, standard: 12底前完成}
          - {id: cost, level1: 产出指标, level2: 成本指标, name: 0.08元/人, target: 3万元, op: "<=", metric: spending, standard: 整体有所提高}
          - {id: economic, level1: 效益指标, level2: 经济效益指标, name: 没有直接经济效益, target: 无, metric: none, standard: 无}
          - {id: literacy, level1: 效益指标, level2: 社会效益指标, name: 提高全区人民科学文化素质, target: 10%, op: ">=", metric: "measurement:literacy-rate", due: 2025-12-31, targetWording: 力争到2025年全区公民具备基本科学素质比例达到10%以上, standard: 公众科学素养得到提高}
          - {id: ecological, level1: 效益指标, level2: 生态效益指标, name: 对生态无影响, target: 无, metric: none, standard: 无}
          - {id: volunteers, level1: 效益指标, level2: 可持续影响指标, name: 全民投入科普志愿服务, target: 增加, metric: volunteer-growth, targetWording: 志愿者和志愿组织增加（附表3：志愿者和志愿组织数量增加）, standard: 志愿者和志愿组织持续增加}
          - {id: satisfaction, level1: 满意度指标, level2: 社会公众及服务对象满意度指标, name: 力争全民参与，人人满意, target: 98%, op: ">=", metric: satisfaction, standard: 持续增加}
        scoring:
          budgetWeight: 10
          levelWeights: {产出指标: 50, 效益指标: 30, 满意度指标: 10}
          reverse: ratio
          rounding: half-up
        """#

    static let demo = #"""
        # A sample year of 株洲市石峰区科学技术协会, recorded with the same commands staff type.
        # `kepu demo` runs each line in order against a fresh database; "@name = …" keeps the new id,
        # and "@name" later stands for it. Lines starting with # are comments.

        # The previous year, for 志愿者和志愿组织增加 (the database has no 2022 sign-ups).
        baseline set --year 2022 --volunteers 8 --orgs 2

        # 科技活动周 (Science and Technology Week), May.
        @tw = event add --title 2023年石峰区科技活动周 --kind tech-week --start 2023-05-20 --end 2023-05-27 --venue 石峰区科技馆
        @tw1 = event add --title 科技活动周启动仪式暨科普展 --kind other --form exhibition --start 2023-05-20 --venue 石峰区科技馆 --parent @tw
        @tw2 = event add --title 科普进校园·田心中学 --kind other --form youth --start 2023-05-23 --venue 田心中学 --parent @tw
        @tw3 = event add --title 科普大篷车进社区·响石岭街道 --kind other --form exhibition --start 2023-05-25 --venue 响石岭街道 --parent @tw
        attendance add --event @tw1 --count 1800
        attendance add --event @tw1 --count 3500 --channel online --method estimate --note 线上直播观看
        attendance add --event @tw2 --count 1200 --method signin
        attendance add --event @tw3 --count 900
        cost add --line commission --amount 3200 --event @tw --item 授课费 --invoice 43020231 --payee 湖南工业大学科普讲师团
        cost add --line commission --amount 1500 --event @tw --item 车辆 --invoice 43020232 --payee 株洲市畅行汽车租赁有限公司
        cost add --line commission --amount 2600 --event @tw --item 展架 --invoice 43020233 --payee 株洲市石峰区华彩广告部
        cost add --line commission --amount 800 --event @tw --item 条幅 --invoice 43020233 --payee 株洲市石峰区华彩广告部
        cost add --line commission --amount 4300 --event @tw --item 人员工资 --invoice 43020234 --payee 株洲市科普服务中心
        print add --title 科技活动周科普手册 --ink mono --copies 3500 --unit-price 0.5元 --event @tw --date 2023-05-15
        survey add --event @tw1 --responses 150 --satisfied 147
        survey add --event @tw2 --responses 100 --satisfied 98

        # 科技工作者日座谈会 (not a major event).
        @kj = event add --title 全国科技工作者日座谈会 --kind other --start 2023-05-30 --venue 区科协会议室
        attendance add --event @kj --count 60 --method signin

        # 全国科普日 (National Science Popularization Day), September.
        @sd = event add --title 2023年全国科普日石峰区活动 --kind science-day --start 2023-09-16 --end 2023-09-22 --venue 石峰区政府广场
        @sd1 = event add --title 全国科普日主场活动 --kind other --form exhibition --start 2023-09-16 --venue 石峰区政府广场 --parent @sd
        @sd2 = event add --title 科普进社区·清水塘街道 --kind other --form lecture --start 2023-09-18 --venue 清水塘街道社区服务中心 --parent @sd
        @sd3 = event add --title 应急科普宣传 --kind other --form consultation --start 2023-09-20 --venue 井墈街道 --parent @sd
        @sd4 = event add --title 老年大学科普讲座 --kind other --form lecture --start 2023-09-21 --venue 石峰区老年大学 --parent @sd
        attendance add --event @sd1 --count 3200
        attendance add --event @sd1 --count 6800 --channel online --method estimate --note 线上直播观看
        attendance add --event @sd2 --count 850
        attendance add --event @sd3 --count 1100
        attendance add --event @sd4 --count 300 --method signin
        cost add --line commission --amount 3000 --event @sd --item 授课费 --invoice 43020901 --payee 湖南工业大学科普讲师团
        cost add --line commission --amount 1800 --event @sd --item 车辆 --invoice 43020902 --payee 株洲市畅行汽车租赁有限公司
        cost add --line commission --amount 2400 --event @sd --item 展架 --invoice 43020903 --payee 株洲市石峰区华彩广告部
        cost add --line commission --amount 900 --event @sd --item 条幅 --invoice 43020903 --payee 株洲市石峰区华彩广告部
        cost add --line commission --amount 4400 --event @sd --item 人员工资 --invoice 43020904 --payee 株洲市科普服务中心
        print add --title 全国科普日宣传折页 --ink color --copies 2000 --unit-price 1元 --event @sd --date 2023-09-10
        survey add --event @sd1 --responses 300 --satisfied 296
        survey add --event @sd2 --responses 120 --satisfied 118

        # 防范电信诈骗科普讲座, November, with the rest of the mono leaflets.
        @fz = event add --title 防范电信诈骗科普讲座 --kind other --form lecture --start 2023-11-08 --venue 铜塘湾街道
        attendance add --event @fz --count 120
        print add --title 防范电信诈骗科普单页 --ink mono --copies 2500 --unit-price 0.5元 --event @fz

        # Volunteers in three organizations, with sign-ups and hours.
        @v1 = volunteer add --name 李华 --phone 13800000001 --org 石峰区科普志愿服务队
        @v2 = volunteer add --name 王芳 --phone 13800000002 --org 石峰区科普志愿服务队
        @v3 = volunteer add --name 张伟 --phone 13800000003 --org 石峰区科普志愿服务队
        @v4 = volunteer add --name 刘洋 --phone 13800000004 --org 湖南工业大学青年志愿者协会
        @v5 = volunteer add --name 陈静 --phone 13800000005 --org 湖南工业大学青年志愿者协会
        @v6 = volunteer add --name 杨帆 --phone 13800000006 --org 湖南工业大学青年志愿者协会
        @v7 = volunteer add --name 赵敏 --phone 13800000007 --org 清水塘街道应急科普志愿队
        @v8 = volunteer add --name 黄磊 --phone 13800000008 --org 清水塘街道应急科普志愿队
        @v9 = volunteer add --name 周婷 --phone 13800000009 --org 清水塘街道应急科普志愿队
        @v10 = volunteer add --name 吴强 --phone 13800000010 --org 石峰区科普志愿服务队
        volunteer signup --volunteer @v1 --event @tw1 --hours 6 --role 讲解员
        volunteer signup --volunteer @v2 --event @tw1 --hours 6 --role 引导员
        volunteer signup --volunteer @v4 --event @tw2 --hours 4.5 --role 讲解员
        volunteer signup --volunteer @v5 --event @tw2 --hours 4.5
        volunteer signup --volunteer @v3 --event @tw3 --hours 5
        volunteer signup --volunteer @v1 --event @sd1 --hours 8 --role 讲解员
        volunteer signup --volunteer @v6 --event @sd1 --hours 8
        volunteer signup --volunteer @v10 --event @sd1 --hours 7.5 --role 引导员
        volunteer signup --volunteer @v7 --event @sd2 --hours 3
        volunteer signup --volunteer @v8 --event @sd3 --hours 3.5 --role 讲解员
        volunteer signup --volunteer @v9 --event @sd3 --hours 3.5
        volunteer signup --volunteer @v2 --event @sd4 --hours 2

        # The district's literacy survey (the target, 10%, is due by 2025).
        measure add --metric literacy-rate --value 9.62% --date 2023-11-30 --source 2023年石峰区公民科学素质抽样调查
        """#

    /// A sample 2025 with the 全国科普月 (`kepu demo --year 2025`).
    static let sample2025 = (
        planName: "2025-shifeng-kexie-sample.yaml",
        plan: #"""
        # A sample year for `kepu demo --year 2025`, not an official table: the 2023 tables of the seed
        # moved to 2025 by `kepu plan new`, with the September campaign now the 全国科普月.
        # 2025年部门整体支出绩效目标表, 区级专项资金绩效目标汇总表 (附表2) and
        # 区级专项资金支出方向绩效目标表 (附表3) of 株洲市石峰区科学技术协会, with the 2023 figures kept.
        # Amounts are written as in the tables (万元); kepu keeps them in fen.
        unit: 株洲市石峰区科学技术协会
        year: 2025
        period: {start: 2025-01-01, end: 2025-12-31}
        budget:
          total: 55.62万          # 资金总额
          basic: 52.62万          # 其中：基本支出
          project: 3万            # 项目支出
          general: 55.62万        # 其中：一般公共预算拨款
          governmentFund: 0       # 政府性基金拨款 (blank in the table)
          other: 0                # 其他资金 (blank in the table)
        department:
          duties: 区政府主管科普工作的正科级群团组织，参与制定全区科普工作总体规划和年度计划；开展学术交流，组织开展青少年科技教育活动；表彰、宣传优秀科技工作者；发挥党和政府联系科技工作者的桥梁、纽带作用；负责科普队伍建设及科技信息化融合发展；指导科普协会工作。
        fund:
          name: 业务性专项          # 支出方向（子项）
          parent: A专项             # 所属专项
          category: 业务性专项      # 汇总表：一、业务性专项 3
          term: 2025年1月－2025年12月
        goals:
          implementation: 两次大型活动，科普宣传，科技工作者表彰，科技信息化融合发展
          annual: 推荐科技成果，举荐科技人才，发展基层科协组织，全民素质得到提高
          annualSummary: 推荐科技成果，举荐科技人才，全民素质得到提高
        keyWork:
          - {item: 事项1, owner: 办公室, goal: 全国科普月、科技活动周活动的开展}
        lines:
          - id: commission
            name: 活动委托费
            category: 科普活动
            amount: 2.5万
            basis: 活动1次/1.25万元×2次（授课费、人员工资、车辆、展架、条幅等）
          - id: printing
            name: 资料排版复印
            category: 科普宣传资料
            amount: 0.5万
            basis: 彩色1元/份×2000份=0.2万元；单色0.5元/份×6000份=0.3万元
            runs:
              - {ink: color, unitPrice: 1元, copies: 2000}
              - {ink: mono, unitPrice: 0.5元, copies: 6000}
        indicators:
          - {id: major-events, level1: 产出指标, level2: 数量指标, name: 两次大型活动, target: 2次, op: ">=", metric: major-events, standard: 活动开展}
          - {id: reach, level1: 产出指标, level2: 质量指标, name: 扩大受众群众, target: 2万人次, op: ">=", metric: attendance, standard: 参与人数增加}
          - {id: timeliness, level1: 产出指标, level2: 时效指标, name: 2025年1月-12月, target: 12个月, op: "<=", metric: completion-months, standard: 12底前完成}
          - {id: cost, level1: 产出指标, level2: 成本指标, name: 0.08元/人, target: 3万元, op: "<=", metric: spending, standard: 整体有所提高}
          - {id: economic, level1: 效益指标, level2: 经济效益指标, name: 没有直接经济效益, target: 无, metric: none, standard: 无}
          - {id: literacy, level1: 效益指标, level2: 社会效益指标, name: 提高全区人民科学文化素质, target: 10%, op: ">=", metric: "measurement:literacy-rate", due: 2025-12-31, targetWording: 力争到2025年全区公民具备基本科学素质比例达到10%以上, standard: 公众科学素养得到提高}
          - {id: ecological, level1: 效益指标, level2: 生态效益指标, name: 对生态无影响, target: 无, metric: none, standard: 无}
          - {id: volunteers, level1: 效益指标, level2: 可持续影响指标, name: 全民投入科普志愿服务, target: 增加, metric: volunteer-growth, targetWording: 志愿者和志愿组织增加（附表3：志愿者和志愿组织数量增加）, standard: 志愿者和志愿组织持续增加}
          - {id: satisfaction, level1: 满意度指标, level2: 社会公众及服务对象满意度指标, name: 力争全民参与，人人满意, target: 98%, op: ">=", metric: satisfaction, standard: 持续增加}
        scoring:
          budgetWeight: 10
          levelWeights: {产出指标: 50, 效益指标: 30, 满意度指标: 10}
          reverse: ratio
          rounding: half-up
        """#,
        demoName: "2025.kepu",
        demo: #"""
        # A sample 2025 of 株洲市石峰区科学技术协会 (`kepu demo --year 2025`): since 2025 the September
        # campaign is the 全国科普月, a major event like 科技活动周. Each activity has its form, for 科普统计.
        # Same syntax as 2023.kepu: "@name = …" keeps the new id, "@name" later stands for it.

        baseline set --year 2024 --volunteers 4 --orgs 3

        # 科技活动周, May.
        @tw = event add --title 2025年石峰区科技活动周 --kind tech-week --start 2025-05-17 --end 2025-05-24 --venue 石峰区科技馆
        @tw1 = event add --title 科技活动周启动仪式暨人工智能科普展 --kind other --form exhibition --start 2025-05-17 --venue 石峰区科技馆 --parent @tw
        @tw2 = event add --title 青少年科技创新大赛 --kind other --form competition --start 2025-05-20 --venue 田心中学 --parent @tw
        @tw3 = event add --title 农村实用技术培训·云田村 --kind other --form training --start 2025-05-22 --venue 云田村村委会 --parent @tw
        attendance add --event @tw1 --count 2100
        attendance add --event @tw1 --count 4200 --channel online --method estimate --note 线上直播观看
        attendance add --event @tw2 --count 450 --method signin
        attendance add --event @tw3 --count 180 --method signin
        cost add --line commission --amount 6800 --event @tw --item 展品租赁 --invoice 43025051 --payee 株洲市科普服务中心
        cost add --line commission --amount 5200 --event @tw --item 授课费 --invoice 43025052 --payee 湖南工业大学科普讲师团
        print add --title 人工智能科普手册 --ink mono --copies 3000 --unit-price 0.5元 --event @tw --date 2025-05-10
        survey add --event @tw1 --responses 200 --satisfied 197

        # 全国科普月, September.
        @sm = event add --title 2025年全国科普月石峰区活动 --kind science-month --start 2025-09-01 --end 2025-09-30 --venue 石峰区政府广场
        @sm1 = event add --title 全国科普月启动式暨科普嘉年华 --kind other --form exhibition --start 2025-09-06 --venue 石峰区政府广场 --parent @sm
        @sm2 = event add --title 科学家精神进校园报告会 --kind other --form lecture --start 2025-09-12 --venue 株洲市第八中学 --parent @sm
        @sm3 = event add --title 防灾减灾应急科普咨询 --kind other --form consultation --start 2025-09-20 --venue 清水塘街道 --parent @sm
        @sm4 = event add --title 老年人智能手机培训 --kind other --form training --start 2025-09-25 --venue 石峰区老年大学 --parent @sm
        attendance add --event @sm1 --count 3600
        attendance add --event @sm1 --count 7500 --channel online --method estimate --note 线上直播观看
        attendance add --event @sm2 --count 800 --method signin
        attendance add --event @sm3 --count 1300
        attendance add --event @sm4 --count 120 --method signin
        cost add --line commission --amount 7600 --event @sm --item 场地搭建 --invoice 43025091 --payee 株洲市石峰区华彩广告部
        cost add --line commission --amount 4300 --event @sm --item 授课费 --invoice 43025092 --payee 湖南工业大学科普讲师团
        print add --title 全国科普月宣传折页 --ink color --copies 2000 --unit-price 1元 --event @sm --date 2025-08-28
        survey add --event @sm1 --responses 300 --satisfied 295
        survey add --event @sm2 --responses 150 --satisfied 149

        # 防范电信诈骗科普讲座, November.
        @fz = event add --title 防范电信诈骗科普讲座 --kind other --form lecture --start 2025-11-06 --venue 铜塘湾街道
        attendance add --event @fz --count 150
        print add --title 防范电信诈骗科普单页 --ink mono --copies 3000 --unit-price 0.5元 --event @fz

        # Volunteers.
        @v1 = volunteer add --name 李华 --phone 13800000001 --org 石峰区科普志愿服务队
        @v2 = volunteer add --name 王芳 --phone 13800000002 --org 石峰区科普志愿服务队
        @v3 = volunteer add --name 刘洋 --phone 13800000004 --org 湖南工业大学青年志愿者协会
        @v4 = volunteer add --name 赵敏 --phone 13800000007 --org 清水塘街道应急科普志愿队
        @v5 = volunteer add --name 孙悦 --phone 13800000011 --org 田心中学科技辅导员队
        volunteer signup --volunteer @v1 --event @tw1 --hours 6 --role 讲解员
        volunteer signup --volunteer @v5 --event @tw2 --hours 8 --role 评委助理
        volunteer signup --volunteer @v3 --event @sm1 --hours 8 --role 讲解员
        volunteer signup --volunteer @v2 --event @sm1 --hours 7.5 --role 引导员
        volunteer signup --volunteer @v4 --event @sm3 --hours 4
        volunteer signup --volunteer @v1 --event @sm4 --hours 3 --role 讲师助理

        measure add --metric literacy-rate --value 10.3% --date 2025-11-28 --source 2025年石峰区公民科学素质抽样调查
        """#
    )

    /// The editions of the statistics form (Seeds/stats/).
    static let stats: [(name: String, text: String)] = [
        (
            name: "2024.yaml",
            text: #"""
            # 全国科普统计调查: the rows a district 科协 reports, and the ledger figure each one sums.
            #
            # A new edition of the form is a new file here (say 2026.yaml); `kepu stats` uses the newest
            # edition unless --edition names another, or a file. Each row has:
            #   section, item, measure, unit   the survey's own words, as printed on the form
            #   sum        the ledger figure:  activities | participants | budget-government | budget-project
            #                                  | spending | print-copies | volunteers | volunteer-hours | none
            #   form       only activities of this form: lecture | exhibition | competition | training | youth
            #                                  | open-day | consultation | other
            #   campaign   only activities of these campaigns: tech-week | science-day | science-month | other
            #   channel    participants of one channel only: onsite (线下) | online (线上)
            #   decimals   places reported (0 unless given); 万元 and hours are rounded half up
            # "sum: none" is a row the ledger does not keep: it is reported as "-".
            edition: "2024"
            title: 全国科普统计调查表（科协系统）
            rows:
              - {section: 科普活动, item: 科普(技)讲座, measure: 举办次数, unit: 次, sum: activities, form: lecture}
              - {section: 科普活动, item: 科普(技)讲座, measure: 参加人次, unit: 人次, sum: participants, form: lecture}
              - {section: 科普活动, item: 科普(技)讲座, measure: 其中：线下参加人次, unit: 人次, sum: participants, form: lecture, channel: onsite}
              - {section: 科普活动, item: 科普(技)讲座, measure: 其中：线上参加人次, unit: 人次, sum: participants, form: lecture, channel: online}
              - {section: 科普活动, item: 科普(技)专题展览, measure: 次数, unit: 次, sum: activities, form: exhibition}
              - {section: 科普活动, item: 科普(技)专题展览, measure: 参观人次, unit: 人次, sum: participants, form: exhibition}
              - {section: 科普活动, item: 科普(技)专题展览, measure: 其中：线下参观人次, unit: 人次, sum: participants, form: exhibition, channel: onsite}
              - {section: 科普活动, item: 科普(技)专题展览, measure: 其中：线上参观人次, unit: 人次, sum: participants, form: exhibition, channel: online}
              - {section: 科普活动, item: 科普(技)竞赛, measure: 次数, unit: 次, sum: activities, form: competition}
              - {section: 科普活动, item: 科普(技)竞赛, measure: 参加人次, unit: 人次, sum: participants, form: competition}
              - {section: 科普活动, item: 实用技术培训, measure: 次数, unit: 次, sum: activities, form: training}
              - {section: 科普活动, item: 实用技术培训, measure: 参加人次, unit: 人次, sum: participants, form: training}
              - {section: 科普活动, item: 科技活动周, measure: 科普专题活动次数, unit: 次, sum: activities, campaign: tech-week}
              - {section: 科普活动, item: 科技活动周, measure: 参加人次, unit: 人次, sum: participants, campaign: tech-week}
              - {section: 科普活动, item: 科技活动周, measure: 其中：线下参加人次, unit: 人次, sum: participants, campaign: tech-week, channel: onsite}
              - {section: 科普活动, item: 科技活动周, measure: 其中：线上参加人次, unit: 人次, sum: participants, campaign: tech-week, channel: online}
              - {section: 科普活动, item: 全国科普日／科普月, measure: 活动次数, unit: 次, sum: activities, campaign: [science-day, science-month]}
              - {section: 科普活动, item: 全国科普日／科普月, measure: 参加人次, unit: 人次, sum: participants, campaign: [science-day, science-month]}
              - {section: 科普活动, item: 全国科普日／科普月, measure: 其中：线下参加人次, unit: 人次, sum: participants, campaign: [science-day, science-month], channel: onsite}
              - {section: 科普活动, item: 全国科普日／科普月, measure: 其中：线上参加人次, unit: 人次, sum: participants, campaign: [science-day, science-month], channel: online}
              - {section: 科普经费, item: 年度科普经费筹集额, measure: 政府拨款, unit: 万元, sum: budget-government, decimals: 2}
              - {section: 科普经费, item: 年度科普经费筹集额, measure: 其中：科普专项经费, unit: 万元, sum: budget-project, decimals: 2}
              - {section: 科普经费, item: 年度科普经费筹集额, measure: 捐赠, unit: 万元, sum: none, decimals: 2}
              - {section: 科普经费, item: 年度科普经费使用额, measure: 科普活动支出, unit: 万元, sum: spending, decimals: 2}
              - {section: 科普传媒, item: 科普读物和资料, measure: 发放份数, unit: 份, sum: print-copies}
              - {section: 科普人员, item: 注册科普志愿者, measure: 人数, unit: 人, sum: volunteers}
              - {section: 科普人员, item: 科普志愿者, measure: 年度服务时长, unit: 小时, sum: volunteer-hours}
            """#
        )
    ]
}
