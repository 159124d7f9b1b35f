/**
 * The words people use for each deed, as data: a newcomer extends a list, not a pattern. Each list is
 * what executives write in one region or another (DOMAIN.md, "How people really write"); the reader
 * (classify.ts, read-message.ts) turns them into patterns once, at load.
 */

/** Met or spoke with someone: the standard verbs and the everyday ones (唠嗑, 拉呱, 串门, 上门坐了坐). */
export const CONTACT_WORDS = [
  '侃',
  '唠扯',
  '嗑',
  '联系',
  '连系',
  '走访',
  '拜访',
  '家访',
  // "今日探咗困难户何志强家": Cantonese 探 (visit).
  '探(?=了|过)',
  '看望',
  '探望',
  '慰问',
  '上门',
  '串门',
  '坐了坐',
  '坐坐',
  '坐了一会',
  '唠',
  '拉呱',
  '拉了?[^，,。]{0,4}呱',
  '拉家常',
  '拉了?[^，,。]{0,3}家常',
  // "跟她摆了半天代表会的事": Sichuan and Chongqing for chatting.
  '摆了(?:一?会儿?|半天|一阵|哈|几句|一下)',
  // "跟李梅大姐对了下年底表彰的名单": went over something together.
  '对了一?下',
  '讲了讲',
  '拉了拉(?!家常)',
  '讲了一?会',
  '吃了?[一顿个餐]*饭',
  '碰过头',
  '找了(?=代表|一趟|她|他)',
  '吃(?:了|的)?(?:顿|个|餐)?饭',
  // "今儿把马春燕大姐那儿也跑了": been round to her.
  '(?:那儿|那里|那边|家)(?:也|又)?跑了',
  // "又给新代表邵金花打了一个": another call.
  '打了一?个(?=[。，,！!\\s]|$)',
  '核对了',
  '拉了拉家常',
  '谝',
  '闲传',
  '摆龙门阵',
  '龙门阵',
  '扯了',
  '聊',
  '谈心',
  '碰头',
  '碰了个头',
  '碰了头',
  '跑了[一两三四五几]?(?:家|户|趟)',
  '跑了[一两三四五几][个位]',
  '走了[一两三四五几](?:家|户)',
  '回访',
  '对接',
  // "刚从李梅家出来": she was there.
  '从[^，,。]{1,8}(?:出来|回来)',
  '碰了个面',
  '见面',
  '见了',
  // "到王建国屋里转了一圈": she went round to see them.
  '转了一?圈',
  '转了一?下',
  // North-west: 浪 is to go round and visit.
  '浪了(?:一?趟|浪|一圈)',
  // "到白桂芳代表家": went to her home.
  '(?<![收拿领得办])到(?=[^，,。]{1,10}家(?!属|长|庭|务))',
  // "今天上代表郑红梅家": went to her home.
  '(?<![早晚马])上(?!午|周|个|次|回|礼拜|星期|月|半|年)(?=[^，,。]{2,8}家)',
  // "今天跑了一天：上午刘翠花家，下午李梅家": a day of visits, the homes listed after.
  '跑了一(?:天|上午|下午)',
  '转了转',
  '碰到',
  '碰上',
  '碰见',
  '遇到',
  '遇上',
  '遇见',
  '撞见',
  // "说了好一阵子话", "讲了一阵子话": they talked.
  '(?:说|讲)了[^，,。]{0,6}话',
  '通了[回个次]?电话',
  '打了个?电话',
  // Not a number given ("刘翠花大姐电话幺三八…", "她电话是138…"): that is no call.
  '电话(?!是|号|[:：]?\\s*[\\d０-９*＊幺零一二两三四五六七八九])',
  '视频',
  '微信',
  '找我',
  '来找',
  // "王桂香今天来村委会说想报名家政培训": she came to the executive and told her something.
  '(?:来|到)(?:村部|村委会?|我家|家里|办公室)(?:说|反映|讲)',
  '沟通',
  '交流',
  '座谈',
  '认识',
  '问了问',
  '了解',
  '开会',
  '开了个?小?会',
  '合计',
  '商量',
  '反映',
  '陪',
  '送',
  '接待',
]

/**
 * What may follow a new name and shows where it ends ("陪马春燕去县医院", "陈美华还有何丽娟",
 * "彭玉香下午又去了…", "吴玉珍、郭巧云两位代表"): a verb, a joining word, a time of day, a count of people.
 */
export const NAME_ENDS = [
  '家',
  // "看了代表李桂芬嘛，…": a word said at the end of a phrase is no part of a name.
  '(?:嘛|哦|噻|嘞|咯|呀|啊|哟|喔|撒)(?=[，,。！!？?\\s～~]|$)',
  '摆',
  '扯',
  '讲',
  '俺',
  '吃',
  '介绍',
  '约',
  '谝',
  '侃',
  '打',
  '聊',
  '好几',
  '通',
  '说',
  '那',
  '今天',
  '昨天',
  '前天',
  '上午',
  '下午',
  '中午',
  '晚上',
  '来',
  '去',
  '电话',
  '上门',
  '走访',
  '微信',
  '视频',
  '一起',
  '一路',
  '一块',
  '一个',
  '一位',
  '一道',
  '一同',
  '见',
  '碰',
  '唠',
  '拉',
  '谈',
  '沟通',
  '交流',
  '商量',
  '申请',
  '办',
  '把',
  '给',
  // "给李梅发了微信" (not 吴正发家, a name).
  '发(?=了|个|微信|消息|信息|照片|视频|红包)',
  '坐',
  '也',
  '都',
  '送',
  '还有',
  '和',
  '代表',
  '联系',
  '她',
  '我',
  '在',
  '那里',
  '那儿',
  '对接',
  '加了?微信',
  '忘了',
  '具体',
  '就是',
  '是',
  '饮',
  '喝',
  '的(?=走访|家)',
  '搞',
  '找',
  // "打电话给何秀珍了（新代表）": 了 where the part ends.
  '了(?=[（(，,。\\s]|$)',
  '跟',
  '等',
  '老师',
  '[两俩几二三四五六][位个]',
  '[两俩]人',
  // "碰见代表高玉芝了就站那儿聊了一会儿".
  '了(?=[就又还也在跟和到去])',
]

/**
 * Tibetan given names, which have no surname to start them (才让卓玛, 拉毛草, 次仁央宗): their usual
 * first parts, and the parts that end them.
 */
export const TIBETAN_NAME_HEADS = [
  '才让',
  '次仁',
  '扎西',
  '拉毛',
  '多吉',
  '格桑',
  '旦增',
  '德吉',
  '尼玛',
  '达瓦',
  '白玛',
  '索南',
  '仁青',
  '央金',
  '卓玛',
  '拉姆',
  '曲珍',
  '普布',
  '桑吉',
  '央宗',
]
export const TIBETAN_NAME_TAILS = ['卓玛', '拉姆', '措', '草', '吉', '央', '珍', '宗', '加', '措姆']
/** Mongolian given names, which have no surname either (其其格, 乌云, 斯琴, 娜仁花, 萨仁高娃, 巴特尔). */
export const MONGOLIAN_NAME_HEADS = [
  '其其格',
  '琪琪格',
  '乌云',
  '斯琴',
  '娜仁',
  '萨仁',
  '巴特尔',
  '其木格',
  '图雅',
  '塔娜',
  '托娅',
  '乌兰',
  '苏日娜',
  '萨日娜',
  '乌日娜',
  '格日勒',
  '阿拉坦',
  '宝音',
  '额尔敦',
  '朝鲁',
  '巴雅尔',
  '敖登',
  '高娃',
]
export const MONGOLIAN_NAME_TAILS = ['花', '高娃', '其其格', '图雅', '塔娜', '格日乐', '琪琪格']

/** Uyghur and Kazakh given names, said without a surname (阿依古丽, 热依汗): their usual parts. */
export const UYGHUR_NAME_HEADS = ['阿依', '热依', '阿娜', '帕提', '努尔', '迪丽', '古丽', '阿米', '玛依']
export const UYGHUR_NAME_TAILS = ['古丽', '汗', '娜', '拉', '尔', '曼']

/** A relative named before her name: "张桂兰的儿媳妇孙晓燕" is 孙晓燕, "王建国的弟弟王建军家" is his family. */
export const KIN_WORDS = [
  '儿媳妇',
  '儿媳',
  '媳妇',
  '闺女',
  '女儿',
  '儿子',
  '弟弟',
  '妹妹',
  '姐姐',
  '哥哥',
  '嫂子',
  '弟媳',
  '婆婆',
  '侄女',
  '外甥女',
  '小姑子',
  '妯娌',
]

/**
 * Characters of men's given names (国, 建, 福, 才, 山…): a home named after a man ("孙有才家", "韩春生家") is a
 * household visited as a family, for representatives are women.
 */
/** Characters of women's given names: a name with one is hers, whatever else it holds (黄德芬, 马建英). */
export const WOMENS_NAME_CHARACTERS = '芬芳兰英花秀梅珍娟玲凤霞琴丽燕萍红娥莲菊香翠妹姐娣婷敏莉琳艳'
export const MENS_NAME_CHARACTERS = '国建军强刚伟德福贵财才富根柱山龙虎斌勇峰涛忠发胜祥树旺民兵武彪汉亮雄杰东生有成锁栓'

/** A family in need, as federations and villages name them. */
export const FAMILY_WORDS = [
  '两户',
  '三户',
  '几户',
  '一户',
  '低保户',
  '贫困户',
  '困难户',
  '五保户',
  '特困户',
  '帮扶户',
  '低保护',
  '困难家庭',
  '贫困家庭',
  '建档立卡户',
  '建档立卡贫困户',
  '脱贫户',
  '监测户',
  '边缘户',
  '单亲妈妈',
  '单亲母亲',
  '单亲家庭',
  '残疾人家庭',
  '残疾户',
  '残疾家庭',
  '重病户',
  '孤寡老人',
  '空巢老人',
  '留守老人',
  '困境儿童',
  '特困家庭',
  '低保家庭',
  '五保老人',
  '顶梁柱母亲',
  '顶梁柱妈妈',
]

/**
 * A line about a family in need: what it is helped with (低保, 救助, 助学金), or a household named after
 * a man ("去了赵大山家，他媳妇想…": representatives are women). A home visited in such a line is a family.
 */
export const NEEDY_WORDS = [
  '低保',
  '五保',
  '特困',
  '困难',
  '贫困',
  '救助',
  '帮扶',
  '助学金',
  '补助',
  '补贴',
  '他家',
  '他媳妇',
  '他老婆',
  '他爱人',
  '他们家',
  // A household given rice, oil or coal for the winter is a family in need, not a representative visited.
  '米面油',
  '过冬的?[煤炭米]',
  '送了?(?:点|些|一袋|两袋)?(?:米|面|油|煤)',
]

/** A family's problem dealt with, when nobody writes 帮…解决: 办下来了, 钱到账了, 跑下来了, 结了. */
export const SOLVED_WORDS = [
  '到账',
  '到位了',
  '发下来',
  '拨下来',
  '审批通过',
  '批准了',
  '通过了',
  '办成',
  '拿到了',
  '领到',
  '结了',
  '有着落',
  '安排上了',
  '落实了',
  '解决了',
  '搞好了',
  '弄妥',
  '办妥',
  '[房钱款助贴保证]下来了',
  '联系好了',
  '对接好了',
  '落实好了',
  '安排好了',
  // "自来水终于通上了", "钱到了", "学校给减免了", "工作找着了": the outcome, said without 帮…解决.
  '通上了',
  '接上了',
  '装上了',
  '用上了',
  '[钱款]到了',
  '[钱款]打过来了',
  '减免了',
  '免了',
  '报销了',
  '找着了',
  '上岗了',
  '找好了',
  '总算给?(?:修|办|弄|批|报|收|同意)了',
  '接通了',
  '卖出去了',
  '卖掉了',
  '报下来',
  '报销下来',
  '入学了',
  '住上了',
  // "老王家那事儿妥了", "娃的户口给落上了", "医疗报销整下来了", "电表的事儿给掰扯清楚了".
  '妥了',
  '落上了?',
  '上上了',
  '整下来',
  '整好了',
  '换了个?新的',
  '落下来了',
  '卖脱了',
  '掰扯清楚',
  '(?:换|修|装|接|盘|搭|砌|弄)好了(?!没|吗|么|不)',
  '通水了|通电了|来水了|来电了',
  // "帮她介绍到镇上服装厂了，今天第一天上岗".
  '介绍到[^，,。]{1,8}(?:厂|店|公司|超市|单位|基地)',
  '第一天上(?:岗|班)',
  // "帮老王家联系了个活路", "帮佢老婆搵到份工": work found for them.
  '(?:联系|找|介绍)(?:到|好)?了?(?:个|一份|份)(?:活路|活儿?|工作|事做|工)(?![的吗吧没])',
]

/** A proposal handed in (建议案, 提案) in the words people use for it. */
export const PROPOSAL_WORDS = [
  '建议案',
  '提案',
  '议案',
  '意见建议',
  '提了个?建议',
  '交了个?建议',
  '递了个?建议',
  '写了个?建议',
  '(?:我|俺)写的[^，,。]{0,24}建议',
  '报了个?建议',
  '提了条建议',
  '提了几条建议',
  // "建议两癌筛查的年龄放宽到65岁 书面的已经交了": what is proposed may stand between.
  '建议[^。；;？?]{0,24}(?:交(?!流|通)|提交|递|报(?!名|销)|送到|送给|送交)',
]

/** A research report written or handed in. */
export const REPORT_WORDS = [
  '调研(?=[^，,。]{0,2}(?:交给|报给|交上去|写完|写好))',
  '调研报告',
  '调查报告',
  '调研文章',
  '报告.{0,4}(?:写|交)',
  '(?:写|交).{0,6}报告',
]

/** Public service she took part in: programmes and everyday volunteering. */
export const SERVICE_WORDS = [
  '讲了一堂',
  '一堂课',
  '防溺水',
  '安全教育',
  '义务劳动',
  '送温暖',
  '(?<!高考|填报?|报考)志愿(?!填报)',
  '义务',
  '义工',
  '筛查',
  '两癌',
  '敬老院',
  '养老院',
  '爱心妈妈',
  '顶梁柱',
  '巾帼家政',
  '家政培训',
  '义诊',
  '义剪',
  '义演',
  '义修',
  '(?:搞|办|组织|参加)了?[^，,。]{0,10}(?:捐赠|募捐)',
  '(?<!开)理发(?!店)',
  '包饺子',
  '量血压',
  '结对',
  '慰问演出',
  '服务活动',
  '宣讲',
  '讲座',
  '安全课',
  '上了堂',
  '上了一堂',
  '义卖',
  '捐款',
  '捐物',
  '环境整治',
  '打扫卫生',
  '扫院子',
  '扫雪',
  '铲雪',
  '清扫',
  '送饭',
  '拾掇卫生',
  '普法',
  '防诈',
  '诈骗',
  '反诈',
  '传单',
  '宣传(?!栏|了?(?:相关的?)?(?:帮扶|扶贫|低保|医保|惠民)?政策)',
  '反家暴',
  '献血',
  '参加了?[^，,]{0,10}捐赠',
  '捡垃圾',
  '净滩',
  '植树',
  '巡河',
  '清理河道',
  '文明劝导',
  '助老',
  '助残',
  '讲了讲.{0,6}法',
  '关爱',
  '(?:给|为)(?:留守儿童|孩子们|娃娃们|老人们|小朋友)',
  '表演(?:了)?节目',
  '爱心[^，,。]{0,4}(?:捐|义卖|活动)',
  // "给山上的留守娃儿送冬衣": for children or the old, not for a family she visits.
  '给[^，,。]{0,6}留守[^，,。]{0,3}送|给(?:孩子|娃娃|老人|娃儿)们送',
  '电诈',
  '防骗',
  '组织(?:了)?(?:姐妹们|大家|志愿者|妇女们)(?:一起)?(?:给|为|去)',
  '参加了?.{0,12}活动',
]

/** What a woman wants, told to her: a need for the ledger when she asks for help or it is to be recorded. */
/**
 * Women an executive speaks of as a group or by what they are, whose wishes are needs ("二组的妇女们希望…",
 * "好几个宝妈想学…", "茶厂女工反映…"): one list for the reader and for the group's report cue, so a wish the
 * reader would take in private chat is read in the group too.
 */
export const WOMEN_WHO_WISH = [
  '妇女',
  '妈妈',
  '宝妈',
  '媳妇',
  '姐妹',
  '姊妹',
  '婆娘',
  '嫂子',
  '女工',
  '阿姨',
  '阿婆',
  '群众',
  '村民',
  '乡亲',
  '婆婆',
  '老人',
  '老太太',
  '大妈',
  '家长',
  '嬢嬢',
  '大姐',
  '代表',
]

export const NEED_WORDS = [
  '想学',
  '想要',
  '想找',
  '想做',
  '想让',
  '想申请',
  '想请',
  '想给',
  '想办',
  '希望',
  '需要',
  '盼着',
  '缺',
]

/**
 * Help asked of her or of the federation ("想让妇联帮忙联系个培训", "让我帮着打听…", "请咱们给问问"): a
 * need she was brought, never a service she gave.
 */
export const REQUEST_WORDS = [
  '(?:想|要|希望|盼着)?(?:让|请|求|托|叫)(?:我|妇联|咱们?|我们|俺们?|村里|镇上|你们)(?:帮|给|联系|打听|问问|找|想想?办法)',
  '希望妇联',
  '想让妇联',
  '盼着妇联',
]

/** What is only talked about: "说了说建网群的事", "问了问两癌筛查的情况" (the deed word, then one of these). */
export const ABOUT_WORDS = ['的事', '的事情', '的情况', '的问题', '的通知', '的安排', '的要求', '的政策', '的时间']

/** Said to everyone ("通知大家都转发一下", "请各位姐妹…"): not her report. */
export const TO_EVERYONE = [
  '(?:请|麻烦|提醒|通知)(?:大家|各位|姐妹们)',
  '(?:大家|各位|姐妹们)(?:都|一定|记得|抓紧|尽快|别忘了?|要|注意)',
]

/** Someone else's work praised ("李庄村的姐妹们今天的义诊搞得真好"): not her report. */
export const PRAISE_WORDS = [
  '真好',
  '真棒',
  '太棒',
  '太好了',
  '真不错',
  '搞得好',
  '点赞',
  '厉害',
  '给力',
  '辛苦了',
  '学习了',
  '值得学习',
  '能干',
  '点个赞',
]

/** An online group built. */
export const GROUP_WORDS = [
  '微信群',
  '网群',
  '正能量群',
  '姐妹群',
  '建(?:了|好了|起)?(?:个|一个)?.{0,14}群',
  '拉了.{0,10}群',
  // "咱村的妇女微家群弄好了", "弄了个宝妈群": built, said in everyday words.
  '(?:弄|搞|整|组)(?:了|好了|起来?)(?:个|一个)?[^，,。]{0,14}群',
  '群[^，,。]{0,10}(?:建好|建起来?|拉好|拉起来?|建成|弄好|搞好|整好|弄起来|搞起来|整起来|成立)',
]

/**
 * What asks rather than tells ("调研报告怎么写啊", "去敬老院帮忙算公益服务吗"): a clause with a word of the
 * first list is a question; one of the second only when no deed (了, 过) or asking (问, 说) comes before
 * it ("合计了下明年咋搞", "打电话来问两癌筛查啥时候开始" tell what happened).
 */
export const QUESTION_WORDS = [
  '想问',
  '请问',
  '问一下大家',
  '算不算',
  '要不要',
  '是不是',
  '能不能',
  '可不可以',
  '行不行',
  '需不需要',
  '用不用',
  '算吗',
  '才算',
  '谁知道',
  '交给谁',
  '找谁',
  '在哪',
  '几点',
  '要几',
  '写几',
  '交几',
  '记几',
  '是[^，,。]{1,14}还是',
  '(?:啥|什么)区别',
  '(?:啥|什么)不一样',
  '几次才',
  '才够',
  '有(?:啥|什么)不同',
]
export const MAYBE_QUESTION_WORDS = [
  '怎么',
  '咋',
  '如何',
  '啥时候',
  '什么时候',
  '哪里',
  '哪儿',
  '有没有',
  '几篇',
  '怎样',
  '多少钱',
  '给谁',
  '为啥',
  '为什么',
  '多少',
  '多长',
  '多久',
  '几号',
  '几月',
  '哪天',
  '哪一天',
  '几时',
  '啥时',
  '多会儿',
]

/** "够不够", "行不行", "算不算", "对不对": a verb, 不, the same verb again asks. */
export const A_NOT_A = /([\u4e00-\u4e0c\u4e0e-\u9fff])不\1/

/** Someone else did it: a clause led by another person's title or by "they" is not her deed. */
export const OTHERS = [
  // "俺闺女在学校参加了个志愿活动": her family's deeds are not hers.
  '闺女',
  '女儿',
  '儿子',
  '儿媳',
  '老公',
  '老伴',
  '婆婆',
  '公公',
  '主任',
  '书记',
  '主席',
  '部长',
  '镇长',
  '村长',
  '会计',
  '队长',
  '组长',
  '支书',
  '网格员',
  '委员',
  '妇联主席',
  '那口子',
  '我家那位',
  '干部',
  '领导',
  '大家',
  '他们',
  '她们',
  '别人',
  '人家',
]

/** Notices passed on and other posts that are not anyone's report. */
export const FORWARDED =
  /^\s*(?:【(?![^】]*(?:汇报|日记|报告|记录|简报|小结|总结|周报|日志|履职|走访|妇情|打卡))[^】]{0,10}】|\[转发]|转发[：:]|转[：:])|通知[：:]|各村（社区）|各村\(社区\)/

/**
 * Everyday and dialect words put into the words the reader knows, before reading: 昨儿个 and 夜儿个 are
 * 昨天, 头晌 上午, 后晌 下午, 屋里 and 屋头 家, and common misspellings of 联系 and 走访.
 */
export const EVERYDAY: readonly (readonly [RegExp, string])[] = [
  // Said to the group, not a contact: "跟大家说一声", "给大家汇报一下".
  [/(?:跟|和|给|向)(?:大家|姐妹们|各位)(?:说|讲|汇报|报告|分享|通报)(?:一下|一声|下)?/g, ' '],
  [/夜儿个|夜个|夜儿|昨儿个|昨个/g, '昨天'],
  [/今儿个|今个儿|今儿/g, '今天'],
  // Shandong and Henan: 夜来 is yesterday, 黑来 and 黑夜 the evening.
  [/夜来|夜儿来/g, '昨天'],
  [/(?<=昨天|今天)黑来|(?<=昨天|今天)黑夜/g, '晚上'],
  [/大前儿个/g, '大前天'],
  [/前儿个/g, '前天'],
  [/头晌|上晌|前晌|早晌/g, '上午'],
  [/后晌|下晌|过晌/g, '下午'],
  [/礼拜天|礼拜日/g, '周日'],
  [/礼拜([一二三四五六])/g, '周$1'],
  [/上个?礼拜/g, '上周'],
  [/这个?礼拜/g, '这周'],
  [/屋里头|屋里厢|屋头|屋里|屋企/g, '家'],
  // Cantonese, Wu and other ways of saying the words the reader knows.
  [/今朝/g, '今天'],
  [/琴日|寻日|尋日/g, '昨天'],
  [/琴晚|寻晚|尋晚/g, '昨晚'],
  // Hakka: 昨晡日 yesterday, 今晡日 today, 𠊎 I; Cantonese 今周 this week; 报高 a slip of 报告.
  [/昨晡日?/g, '昨天'],
  [/今晡日?/g, '今天'],
  [/𠊎/g, '我'],
  [/今周/g, '这周'],
  [/报高|抱告/g, '报告'],
  // Hunan 呷 (eat); 周记 the week's diary.
  [/呷/g, '吃'],
  // Sound-alike slips of 调研.
  [/掉研|掉眼|调眼|吊研/g, '调研'],
  [/互住会|互主会/g, '互助会'],
  // "我汇报下礼拜六去了…": 下 of 汇报下, not next week.
  [/(?<=汇报|报告)下(?=礼拜|星期|周[一二三四五六日天])/g, '下，'],
  [/(?<=妇情)日[季纪计]/g, '日记'],
  // "代表那个叫啥子嘛苏红梅", "新代表那个叫叶春梅": the filler between the word and the name.
  [/(?<=代表|户)(?:那个|这个)?叫(?:啥子?|什么)(?:来着|名字)?(?:嘛|呢|来)?/g, ''],
  [/(?<=代表|户)(?:那个|这个)(?=叫)/g, ''],
  [/^周记(?=[：:])/g, '妇情日记'],
  // Wu: 下半日 / 下半天 the afternoon, 上半日 the morning; 互组会 a slip of 互助会.
  [/下半日|下半天|下昼/g, '下午'],
  [/上半日|上半天|上昼/g, '上午'],
  [/互组会/g, '互助会'],
  // Pinyin slips of 建议案.
  [/建一案|见议案|建意案|建义案/g, '建议案'],
  [/前日/g, '前天'],
  [/晌午|晌乎/g, '中午'],
  [/头午/g, '上午'],
  [/咗|(?<=[\u4e00-\u9fff])哒/g, '了'],
  // Cantonese: 今日, 昨日, 上昼, 倾 (chat), 佢话 (she said), 喺, 冇, 搵, 搞掂, 帮手, 跟住, 啲, 嘅, 咩.
  [/今日/g, '今天'],
  // Cantonese 仲 (still, also) before a verb.
  [/仲(?=帮|去|有|要|同|跟|搵)/g, '还'],
  [/昨日/g, '昨天'],
  [/上昼/g, '上午'],
  [/下昼|晏昼/g, '下午'],
  [/倾(?=了|过|一?阵|下)/g, '聊'],
  [/(?<=佢|佢哋|阿姐|姐妹|人)话(?=[\u4e00-\u9fff])/g, '说'],
  [/喺/g, '在'],
  [/冇/g, '没'],
  [/搵/g, '找'],
  [/搞掂/g, '搞定'],
  [/帮手/g, '帮忙'],
  [/跟住/g, '接着'],
  [/啲/g, '些'],
  [/嘅/g, '的'],
  [/咩/g, '什么'],
  [/记低/g, '记下'],
  [/我哋/g, '我们'],
  [/(?<=[佢她他我])系/g, '是'],
  // "去咗黄丽娟度倾偈": at her place.
  [/(?<=[\u4e00-\u9fff]{2})度(?=倾|聊|坐|食|玩)/g, '家'],
  [/阿姐/g, '大姐'],
  // Hunan: 克 (去) before 了, 堂客 (wife).
  [/克(?=了)/g, '去'],
  [/堂客/g, '老婆'],
  // Southwest and Hunan: 克 is 去 after a time or a person ("今天克罗家"), 家头 is 家, 莫得 and 冒得 没有.
  [/(?<=今天|昨天|前天|刚才|上午|下午|我|俺)克(?=[\u4e00-\u9fff])/g, '去'],
  [/家头/g, '家'],
  [/一哈子|一哈/g, '一下'],
  // Min (Fujian, Chaoshan, Hainan): 落来 (下来), 伊厝 (her home), 后生 (young man), 多谢.
  [/落来/g, '下来'],
  [/伊厝|伊兜/g, '她家'],
  [/多谢/g, '谢谢'],
  [/写埋/g, '写了'],
  [/切(?=了[\u4e00-\u9fff]{1,4}(?:家|屋))/g, '去'],
  [/莫得|冒得/g, '没有'],
  [/嬢嬢|孃孃/g, '阿姨'],
  [/啥子|么子/g, '什么'],
  // Northeast: 整 (do) before a result, 嘎哈 (what for), 老妹儿 (younger sister, said to a woman).
  [/整(?=完了|好了|明白了|得咋样|得怎么样)/g, '弄'],
  [/嘎哈|干哈/g, '干啥'],
  // Cantonese that the lines above do not cover: 嚟, 係, 嗰, 啱啱, 听日 (tomorrow), 而家 (now).
  [/嚟/g, '来'],
  [/係/g, '是'],
  [/嗰/g, '那'],
  [/啱啱/g, '刚刚'],
  [/听日/g, '明天'],
  [/而家|宜家/g, '现在'],
  // Wu: 伊拉 (they), 侬 (you).
  [/伊拉/g, '她们'],
  [/侬/g, '你'],
  // Wu: 伊 (she), 老好 (very good), 交关 (a lot), 额 written for 的.
  [/伊(?=屋|家|讲|话|说)/g, '她'],
  [/(?<![金名份限余超定总])额(?![度外])(?=[\u4e00-\u9fff])/g, '的'],
  [/睇/g, '看'],
  [/佢哋/g, '她们'],
  [/佢/g, '她'],
  [/伊(?:讲|话|说)/g, '她说'],
  [/倾(了)?(?:阵|下|一阵|一下)?偈/g, '聊$1天'],
  [/讲闲话|摆谈|扯闲篇|拉闲话/g, '聊天'],
  [/(?<=[^\u4e00-\u9fff]|^)阿拉/g, '我们'],
  [/联细|联西|连系|联係|联糸/g, '联系'],
  [/走仿|走防|走放/g, '走访'],
  [/看往|看忘/g, '看望'],
  [/慰文|为问/g, '慰问'],
  // Voice input's slips for the diary and for representatives.
  [/日计|日纪|日忌|日几/g, '日记'],
  [/附情|负情|妇请|富情|妇青|服情|福情/g, '妇情'],
  [/地保户|低宝户|底保户/g, '低保户'],
  [/贫因户|频困户/g, '贫困户'],
  [/带表(?=\s*[\u4e00-\u9fff])/g, '代表'],
  // Voice fillers inside a phrase: "新代表叫那个孟庆霞", "低保户嗯叫那个韩春生家", "李梅的那个嫂子".
  [/嗯+|呃+|喂喂/g, ' '],
  [/(?<=叫|名叫|是|的|了|看|户|去|我|跟|和|给|找|把)(?:那个|这个)(?=[\u4e00-\u9fff])/g, ''],
]

/** A list as one alternation, longest words first (so 建档立卡贫困户 wins over 建档立卡户). */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|')
}
