/**
 * Whether a group message nobody addressed to the bot asks the federation for help ("请问娃上学的补助
 * 去哪里申请", "俺家那口子又打人，能不能来管管", "有没有姐妹知道哪里能学做月嫂"): a plea or a question
 * about something the federation helps with. Cheap and pure; only a constituent's words in a
 * constituents' group are read with it (handlers/constituent-handler). A question about buying, selling
 * or the weather asks nothing of the federation.
 */

/** Asking: for help, for a way, for whether something is there. */
const PLEA =
  /请问|想问|谁知道|哪有|哪儿有|不晓得|不知道找|问一?下|问问|打听|能不能|能否|可不可以|可以不|能帮|帮忙|帮帮|帮着|帮我(?![^，,。]{0,6}的)|帮.{0,2}问|管管|管一下|给办|想想办法|咋|怎么|怎样|如何|哪里|哪儿|哪个地方|去哪|在哪|边度|点样|有没有|有没得|有莫得|有冇|有无|还办不办|还搞不搞|还有没有|想报名|报个名|想学|想找|想申请|不知道(?:咋办|怎么办|去哪)|盼着|希望|[?？]$/
/** What a federation helps women with: money owed to them, schooling, work and training, health, safety, the village. */
const TOPIC =
  /补助|补贴|救助|资助|助学|学费|低保|五保|医保|社保|养老|户口|落户|上学|转学|入学|学校|贷款|政策|申请|办理|补办|培训|学做|学个|学点|手艺|技术|手工|贴补家用|可以学|月嫂|育婴|家政|护工|找个?活|招工|工作|上班|活干|活路|做的活|挣钱|挣点|两癌|筛查|妇科|体检|看病|住院|打人|动手|家暴|喝多|欺负|离婚|抚养|赡养|残疾|护理|托管|托儿|带娃|照顾老人|路灯|场地|活动室|广场舞|暖气|物业|危房|修路|饮水|自来水|维权|法律|律师|打工|的工|找个工|份工|零工|半天班|工伤|受伤|弄伤|不赔|赔偿|欠薪|工钱|工资|销路|卖不出|卖不掉|卖不脱|滞销/
/** A trade between neighbours, or small talk: not the federation's. */
const NOT_OURS =
  /想买|要买|买点|买两|买几|谁.{0,4}卖|有卖|出售|转让|拼单|团购|天气|下雨|降温|赶集|吃饭|打牌|麻将|一起去|一块去|一起跳|约一下|谁去/

/** "谢谢张主任上回帮我找的活路": thanks for help given, asking nothing new. */
const THANKS = /^(?:谢谢|感谢|多谢|太感谢)/
const ASKS_AGAIN = /[?？]|吗|能不能|想问|请问|还想|再帮/

export function mayAskForHelp(text: string): boolean {
  if (text.length < 6 || text.length > 600) return false
  if (THANKS.test(text) && !ASKS_AGAIN.test(text)) return false
  return PLEA.test(text) && TOPIC.test(text) && !NOT_OURS.test(text)
}
