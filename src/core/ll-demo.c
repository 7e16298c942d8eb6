/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ll-database-private.h"
#include "ll-demo.h"
#include "ll-enums.h"
#include "ll-points.h"
#include "ll-validate.h"

/* Demonstration data: a district office's whole world, made up but
 * plausible, the same for the same seed (and the same “today”; set
 * LIANLUO_TODAY to pin it).
 *
 * Speed. The city scale (1,000 stations, 20,000 people, 500,000 cases,
 * 200,000 activities, about four million rows) is written in ONE write
 * transaction, so a cancelled or failed generation leaves nothing
 * behind, with prepared statements of a hundred rows each (see Batches)
 * filled by a producer thread. Two kinds of triggers would cost more than
 * the rows themselves:
 *
 *   - the change_log triggers (one log row per inserted row);
 *   - the triggers that keep external-content FTS5 tables in step (one
 *     index update per row).
 *
 * When the database is empty (the normal case: “Try With Demo Data”,
 * `lianluo-cli demo` on a new file), those triggers are dropped at the
 * start of the transaction, after saving their SQL from sqlite_master,
 * and recreated from it at the end of the same transaction; each FTS
 * table is rebuilt once ('rebuild'), and change_log receives one row per
 * table written (row_id = its last row) so that open windows refresh.
 * Everything happens inside the one transaction, so it stays atomic:
 * cancelled, nothing changed, triggers included. Other triggers are left
 * alone and fire row by row. The secondary indexes of the biggest tables
 * are dropped and rebuilt the same way (suspend_triggers()), and a few
 * connection settings are changed for the duration (settings_enter()).
 * With LlDemoOptions.force on a database that already holds data, no
 * trigger or index is touched: the rows are logged one by one like any
 * other write.
 */

/* Pools ------------------------------------------------------------------ */

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
  "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
  "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "欧阳", "司马", "诸葛",
};

static const char * const male_given[] = {
  "建国", "建华", "志强", "志刚", "国平", "国强", "海涛", "俊杰", "文博", "明轩", "浩然", "子豪",
  "宇航", "立新", "卫东", "永刚", "振华", "学军", "德明", "红军", "庆丰", "春生", "家豪", "晨阳",
  "天宇", "思远", "博文", "建军", "新民", "玉林", "长江", "正阳", "伟", "强", "军", "磊", "勇",
  "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩", "凯",
  "健", "俊", "帆", "旭", "宁", "龙", "林", "峰", "斌", "亮", "松",
};

static const char * const female_given[] = {
  "秀英", "桂英", "秀兰", "玉兰", "晓鹃", "晓燕", "丽华", "丽娟", "海燕", "春梅", "雪梅", "美玲",
  "欣怡", "梓涵", "诗涵", "雨萱", "思琪", "佳怡", "晓红", "慧敏", "淑珍", "凤英", "月娥", "红梅",
  "亚楠", "婉婷", "晓丽", "小红", "金凤", "素芳", "丽", "敏", "静", "娟", "艳", "芳", "娜", "霞",
  "燕", "玲", "丹", "萍", "红", "婷", "雪", "慧", "琳", "颖", "倩", "洁", "蕾", "莉",
};

static const char * const child_names[] = {
  "小雨", "小宇", "乐乐", "欣欣", "浩浩", "甜甜", "明明", "佳佳", "晨晨", "豆豆",
};

static const char * const district_names[] = {
  "东湖区", "江北区", "青山区", "南城区", "西溪区", "北塘区", "滨江区", "临港区", "金山区",
  "高新区", "龙湾区", "瓯海区",
};

static const char * const town_names[] = {
  "城关", "昭阳", "新竹", "东湖", "盛泽", "黎里", "龙湾", "永中", "海城", "状元", "瑶溪", "星洲",
  "沙城", "蒲州", "永兴", "长安", "石桥", "白沙", "桃源", "柳溪", "青龙", "凤凰", "金沙", "银湖",
  "翠屏", "古城", "江南", "河西", "南门", "北关", "新华", "人民", "解放", "和平", "胜利", "红旗",
  "光明", "幸福", "朝阳", "向阳", "双桥", "三里", "五里", "七星", "九龙", "十里", "观音", "仙桥",
  "安定", "太平", "永安", "兴隆", "丰收", "新塘", "黄桥", "大港", "沙溪", "临江", "望江", "清水",
  "梅林", "松岗", "枫桥", "柳市", "桂花", "荷塘", "芦湖", "竹林", "杏坛", "梨园", "桑园", "茶山",
  "新桥", "南湖", "北湖", "西湖", "东城", "西城", "南苑", "北苑", "滨海", "湖滨", "江湾", "海港",
  "金桥", "银桥", "玉泉", "石门", "龙泉", "凤山", "狮山", "象山", "鹤山", "鹿城", "马山", "牛山",
  "二十里铺", "十八里店", "三河口", "五家渠", "八里庄", "六合", "四季青", "九里堤",
};

static const char * const place_first[] = {
  "东", "西", "南", "北", "新", "金", "银", "青", "白", "红", "桃", "柳", "梅", "竹", "松", "枫",
  "湖", "江", "河", "山", "泉", "溪", "龙", "凤", "翠", "锦", "和", "安", "康", "福", "兴", "华",
  "文", "明", "光", "春",
};

static const char * const place_second[] = {
  "湖", "园", "苑", "桥", "林", "坊", "庄", "塘", "湾", "岭", "坪", "港", "亭", "阳", "宁", "城",
  "泽", "溪", "山", "源", "泉", "华", "丰", "乐", "悦", "景", "花", "田", "石", "洲",
};

static const char * const compounds[] = {
  "幸福家园", "阳光花园", "锦绣华庭", "金桥新村", "翠苑", "和平里", "滨江花城", "书香门第", "世纪城",
  "御景湾", "丽景苑", "康乐小区", "长青小区", "纺织厂宿舍", "供销社家属院", "电力小区", "教师新村",
  "名都花园", "绿城桂园", "东方明珠苑", "香樟园", "紫薇苑", "龙湖春江", "碧水湾", "人民新村",
  "机械厂宿舍", "百合公寓", "盛世华庭", "怡景花园", "福康小区",
};

static const char * const streets[] = {
  "人民路", "解放路", "建设路", "中山路", "新华街", "文化路", "健康路", "迎宾大道", "滨河路",
  "学府路", "工业大道", "胜利街", "和平路", "光明路", "长江路", "黄河路", "幸福路", "青年路",
  "友谊路", "团结路", "朝阳路", "环城东路", "环城西路", "府前街",
};

static const char * const companies[] = {
  "江海纺织有限公司", "恒通机械制造有限公司", "绿源食品有限公司", "华盛建设集团", "新纪元电子科技有限公司",
  "瑞丰农业发展有限公司", "宏达物流有限公司", "金鼎化工有限公司", "天成家具有限公司", "鑫源不锈钢制品厂",
  "顺达汽车销售服务有限公司", "博远软件有限公司", "康泰医药连锁有限公司", "永盛米业有限公司",
  "海天水产合作社", "青禾家庭农场",
};

static const char * const ethnicities[] = {
  "回族", "满族", "壮族", "蒙古族", "土家族", "苗族", "彝族", "朝鲜族",
};

static const char * const parties[] = {
  "民盟盟员", "民建会员", "民进会员", "农工党党员", "九三学社社员", "致公党党员", "无党派人士",
};

static const char * const staff_users[] = {
  "wangli", "chenjing", "liuyang", "zhaomin", "sunhui", "zhoulei",
};

static const char * const staff_hosts[] = {
  "rdgw-pc01", "rdgw-pc02", "rdgw-pc03", "rdgw-laptop",
};

static const char * const chinese_numbers[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
};

typedef struct
{
  const char *key;       /* a key of LL_ENUM_CASE_CATEGORY */
  const char *core;      /* what the title says */
  const char *detail;    /* what the constituent said */
} CaseTemplate;

static const CaseTemplate case_templates[] = {
  { "urban_construction", "老旧小区加装电梯",
    "多为上世纪建成的六层住宅，老年人上下楼困难，居民希望加装电梯但对费用分摊意见不一" },
  { "urban_construction", "路灯不亮", "门前道路路灯已损坏一个多月，夜间一片漆黑，居民出行存在安全隐患" },
  { "urban_construction", "背街小巷路面破损", "巷道路面坑洼不平，雨天积水严重，电动车和行人经常摔倒" },
  { "urban_construction", "雨污管网改造", "雨污合流，下大雨时污水倒灌进一楼住户家中" },
  { "urban_construction", "违章搭建", "有住户在楼顶和绿地上违章搭建，影响邻居采光和消防通道" },
  { "urban_construction", "人行道井盖缺失", "人行道上的井盖缺失，只用简易围挡遮挡，老人小孩路过很危险" },
  { "transport", "学校周边交通拥堵", "上下学高峰期接送车辆乱停，校门口道路拥堵严重" },
  { "transport", "公交站台缺少遮雨棚", "公交站台没有遮雨棚和座椅，雨天候车很不方便" },
  { "transport", "路口缺少红绿灯", "十字路口车流量大却没有信号灯，多次发生交通事故" },
  { "transport", "共享单车乱停放", "共享单车在人行道和盲道上乱停乱放，影响通行" },
  { "transport", "公交线路调整", "公交线路调整后居民到医院需要换乘两次，出行不便" },
  { "transport", "停车收费不合理", "路边停车收费标准偏高，且收费时段不明确" },
  { "environment", "噪音扰民", "附近工地夜间施工噪音很大，严重影响居民休息" },
  { "environment", "餐饮油烟扰民", "沿街餐饮店油烟直排，楼上住户不敢开窗" },
  { "environment", "河道水质发黑发臭", "小区旁河道水质发黑发臭，夏季蚊虫滋生" },
  { "environment", "垃圾清运不及时", "垃圾桶满溢后两三天才清运一次，气味难闻" },
  { "environment", "建筑工地扬尘", "工地渣土车未覆盖，扬尘污染严重" },
  { "environment", "垃圾分类设施不足", "垃圾分类投放点数量不足，距离部分楼栋太远" },
  { "property_management", "小区停车难", "小区停车位严重不足，晚上车辆乱停乱放，消防通道经常被堵" },
  { "property_management", "物业服务不到位", "物业公司保洁和安保人员减少，公共区域卫生脏乱" },
  { "property_management", "电梯频繁故障", "电梯使用超过十五年，近半年多次困人" },
  { "property_management", "维修基金使用难", "屋面漏水需要动用维修基金，但申请程序复杂迟迟办不下来" },
  { "property_management", "物业费收取不透明", "物业费上涨却未公开收支明细，业主意见很大" },
  { "property_management", "地下室渗水", "地下室长期渗水，墙面发霉，储藏物品受损" },
  { "education", "幼儿园学位紧张", "新建小区入住人口多，附近公办幼儿园学位紧张" },
  { "education", "课后托管服务", "双职工家庭孩子放学后无人照看，希望学校提供课后托管服务" },
  { "education", "学校食堂卫生", "家长反映学校食堂饭菜质量不稳定，希望加强监管" },
  { "education", "校舍老化", "村小学校舍老化，操场坑洼不平" },
  { "education", "入学划片调整", "学区划片调整后孩子需到较远的学校就读" },
  { "health", "社区卫生服务中心药品不全", "社区卫生服务中心常用慢性病药品经常缺货，老人只能跑大医院" },
  { "health", "看病排队时间长", "区人民医院挂号排队时间长，老年人不会网上预约" },
  { "health", "家庭医生签约服务", "签约家庭医生后很少上门服务，居民希望落实签约内容" },
  { "health", "医保异地报销", "随子女异地居住的老人医保报销手续繁琐" },
  { "elderly_care", "老年食堂", "社区独居老人多，希望开设老年助餐点" },
  { "elderly_care", "居家养老服务", "高龄老人希望提供上门助浴、助洁等居家养老服务" },
  { "elderly_care", "适老化改造", "老旧楼道没有扶手，老人上下楼容易摔倒" },
  { "elderly_care", "高龄补贴发放", "部分高龄老人补贴发放不及时" },
  { "employment", "农民工工资拖欠", "工地拖欠农民工工资三个月，多次讨要无果" },
  { "employment", "就业技能培训", "失业人员希望参加电工、家政等技能培训" },
  { "employment", "灵活就业社保缴纳", "灵活就业人员不清楚社保缴纳办法" },
  { "employment", "就业岗位信息", "社区缺少就业岗位信息发布渠道" },
  { "social_security", "低保申请", "因病致贫家庭申请低保，审核时间较长" },
  { "social_security", "残疾人补贴", "残疾人两项补贴申请流程不清楚" },
  { "social_security", "困难家庭救助", "困难家庭房屋漏雨，希望给予临时救助" },
  { "social_security", "城乡居民医保缴费", "老人不会使用手机缴纳城乡居民医保" },
  { "public_security", "小区监控盲区", "小区监控存在盲区，近期电动车被盗多起" },
  { "public_security", "电动车充电安全隐患", "居民在楼道内给电动车充电，存在火灾隐患" },
  { "public_security", "防范电信诈骗", "多名老人接到诈骗电话，希望加强防诈宣传" },
  { "public_security", "夜间治安巡逻", "夜间有陌生人在小区游荡，希望增加巡逻" },
  { "legal", "邻里纠纷调解", "楼上楼下因漏水问题发生纠纷，多次协商未果" },
  { "legal", "法律援助", "工伤职工不了解维权途径，希望获得法律援助" },
  { "legal", "房屋租赁纠纷", "租客与房东因押金退还发生纠纷" },
  { "legal", "土地承包纠纷", "村民之间土地承包经营权边界不清引发纠纷" },
  { "other", "菜市场环境脏乱", "农贸市场地面湿滑、摊位占道，环境脏乱" },
  { "other", "网络信号差", "村里手机信号差，宽带网络覆盖不到" },
  { "other", "自来水水压不足", "高层住户自来水水压不足，用水高峰期经常停水" },
  { "other", "燃气管道改造", "老小区仍在使用瓶装液化气，希望接通管道燃气" },
  { "other", "文体活动场地不足", "社区缺少健身器材和文体活动场地" },
};

typedef struct
{
  const char *key;
  const char *actions[3];
  const char *departments[5];
} CategoryInfo;

/* What the departments answered, and who answers, per category. */
static const CategoryInfo category_info[] = {
  { "urban_construction",
    { "已安排施工队维修，预计两周内完成", "已列入今年老旧小区改造计划", "已责令当事人限期拆除违章建筑" },
    { "区住建局", "区自然资源和规划局", "区城管局", "区水务局" } },
  { "transport",
    { "已在上下学高峰增派警力疏导交通", "已将该路口信号灯建设纳入年度计划", "已协调运营企业清理并规范停放" },
    { "区交通运输局", "公安分局", "区城管局" } },
  { "environment",
    { "已对施工单位立案调查并限定施工时间", "已督促商户安装油烟净化设施", "已将垃圾清运频次增加为每日两次" },
    { "区生态环境分局", "区城管局", "区水务局" } },
  { "property_management",
    { "已约谈物业公司并督促限期整改", "已协调新增临时停车位六十个", "已指导业委会启动维修基金使用程序" },
    { "区住建局", "区市场监管局" } },
  { "education",
    { "已协调增加学位并在秋季学期落实", "已在辖区学校全面推行课后服务", "已开展食堂食品安全专项检查" },
    { "区教育局" } },
  { "health",
    { "已调剂补充常用药品并建立缺药登记制度", "已开设老年人预约挂号绿色通道", "已督促家庭医生团队按约上门服务" },
    { "区卫健委", "区医保局" } },
  { "elderly_care",
    { "已在社区开设老年助餐点", "已将该户纳入居家养老服务对象", "已完成楼道扶手安装" },
    { "区民政局" } },
  { "employment",
    { "已督促施工企业结清拖欠工资", "已安排参加本月技能培训班", "已上门讲解灵活就业参保政策" },
    { "区人社局" } },
  { "social_security",
    { "已启动审核程序并告知办理进度", "已协助当事人完成补贴申请", "已发放临时救助金" },
    { "区民政局", "区人社局", "区医保局" } },
  { "public_security",
    { "已增设监控点位并加强夜间巡逻", "已开展电动车充电隐患专项整治", "已在社区开展防诈骗宣传" },
    { "公安分局", "区应急管理局" } },
  { "legal",
    { "已组织人民调解员上门调解，双方达成一致", "已安排律师提供免费法律咨询", "已引导当事人通过诉讼途径解决" },
    { "区司法局" } },
  { "other",
    { "已协调相关单位落实整改", "已将意见转交主管部门研究", "已协调运营商新建基站" },
    { "区市场监管局", "区供电公司", "区燃气公司", "区文旅局", "区农业农村局" } },
};

static const struct
{
  const char *name;
  const char *contact;
} department_names[] = {
  { "区住建局", "城建科" }, { "区交通运输局", "综合科" }, { "区生态环境分局", "执法大队" },
  { "区教育局", "基础教育科" }, { "区卫健委", "医政科" }, { "区民政局", "社会救助科" },
  { "区人社局", "就业促进科" }, { "区城管局", "市容科" }, { "公安分局", "指挥中心" },
  { "区自然资源和规划局", "规划科" }, { "区市场监管局", "综合执法科" }, { "区水务局", "排水管理所" },
  { "区农业农村局", "农村社会事业科" }, { "区司法局", "法律援助中心" }, { "区医保局", "待遇保障科" },
  { "区应急管理局", "安全生产科" }, { "区文旅局", "公共服务科" }, { "区供电公司", "客户服务中心" },
  { "区燃气公司", "客户服务中心" }, { "区通信管理办公室", "综合科" },
};

static const char * const openers[] = {
  "%s居民反映：", "选民在接待日反映，", "群众来电反映，", "多名居民联名反映，", "代表走访时了解到，",
  "网友留言反映，", "%s先生反映，", "%s女士反映，",
};

static const char * const requests[] = {
  "希望有关部门尽快协调解决。", "请代表帮助督促落实。", "建议纳入民生实事项目统筹解决。",
  "恳请相关部门实地查看并给予答复。", "希望尽快答复处理意见。",
};

static const char * const follow_ups[] = {
  "电话回访，群众对办理结果表示满意。", "上门回访，群众认为问题基本解决，希望继续跟踪。",
  "回访时群众表示问题仍未解决，对答复不满意。",
};

static const char * const research_topics[] = {
  "老旧小区改造", "养老服务体系建设", "农村人居环境整治", "营商环境优化", "垃圾分类工作",
  "义务教育均衡发展", "基层医疗服务", "物业管理", "背街小巷整治",
};

static const char * const inspection_targets[] = {
  "城市道路改造工程", "农贸市场提升工程", "污水处理厂", "保障性住房建设", "中小学校建设项目",
  "社区养老服务中心", "河道综合整治工程",
};

static const char * const laws[] = {
  "中华人民共和国食品安全法", "中华人民共和国安全生产法", "中华人民共和国环境保护法",
  "中华人民共和国老年人权益保障法", "中华人民共和国未成年人保护法", "中华人民共和国消防法",
};

static const char * const regulations[] = {
  "物业管理条例", "城市市容和环境卫生管理条例", "养老服务条例", "电动自行车管理条例",
  "文明行为促进条例", "河道管理条例", "生活垃圾分类管理条例",
};

static const char * const projects[] = {
  "老旧小区改造提升", "新建社区老年助餐点", "背街小巷路面硬化", "农贸市场改造", "增设公共停车场",
  "中小学校园安全提升", "口袋公园建设", "城乡供水一体化", "公厕提升改造", "河道综合整治",
};

static const char * const visit_targets[] = {
  "困难群众", "留守儿童家庭", "辖区企业", "种养殖户", "老党员", "个体工商户", "独居老人",
};

static const char * const six_visits[] = {
  "进机关", "进企业", "进农村", "进工地", "进社区", "进平台",
};

static const char * const six_invites[] = {
  "请政府部门负责人进站", "请媒体进站", "请信访群众进站", "请专家进站", "请职能部门进站",
  "请监督对象进站",
};

static const char * const specialty_names[] = {
  "财经", "城建", "环境保护", "社会建设", "农业农村", "法制", "教科文卫", "民营经济",
};

static const char * const opinions[] = {
  "建议明确物业服务企业的退出机制和交接程序。", "建议增加对违法行为的处罚标准。",
  "建议将社区居民委员会的职责写得更具体。", "建议对老旧小区作出过渡性规定。",
  "建议条文中“相关部门”明确为具体的主管部门。", "建议增加鼓励社会力量参与的条款。",
  "建议细化投诉处理的时限要求。", "建议补充对个人信息保护的规定。",
};

/* Generation state ---------------------------------------------------------- */

typedef struct
{
  const char *key;
  double      weight;
} Weight;

typedef struct
{
  LlEnum              enumeration;
  const char * const *keys;
  guint               n_keys;
  double             *cumulative;
  guint               next;   /* the first n_keys picks cover every key */
} Picker;

typedef struct
{
  char  *name;
  gint64 area_id;
} District;

typedef struct
{
  char     *name;       /* 城关镇, 昭阳街道 */
  char     *short_name; /* 城关, 昭阳 */
  guint     district;
  gboolean  is_town;
  gint64    area_id;
  gint64    home;       /* station index + 1, or 0 */
  gint64    office;     /* department id of its office */
  char     *office_name;
  GArray   *stations;   /* guint station indices that people can be stationed in */
  GArray   *groups;     /* gint64 deputy group ids */
  GArray   *deputies;   /* gint64 person ids */
  guint     n_communities;
  double    weight;
} Town;

typedef struct
{
  gint64      id;
  const char *kind;
  guint       town;
  char       *name;
  char       *community;
  char       *address;
  guint       days[2];
  guint       n_days;
  gboolean    active;
  double      weight;
  GArray     *members;   /* gint64 person ids, stationed here now */
  GArray     *deputies;  /* gint64 person ids, deputies among them */
} Station;

typedef struct
{
  gint64      id;
  const char *role;
  const char *level;
  guint       town;
  guint       station;
  char       *name;
} Person;

typedef struct
{
  gint64  id;
  char   *serial;
  guint   category;
  guint32 until;
  guint   left;
} OpenCommon;

static void
open_common_free (gpointer data)
{
  OpenCommon *open = data;

  g_free (open->serial);
  g_free (open);
}

typedef struct
{
  guint32     day;
  const char *kind;
  const char *from;
  const char *to;
  char       *detail;
} Event;

typedef struct
{
  Event events[16];
  guint n_events;
} CaseDraft;

typedef struct _Side Side;

typedef struct
{
  LlDatabase          *db;
  sqlite3             *handle;
  const LlDemoOptions *options;
  GRand               *rand;
  GCancellable        *cancellable;
  LlDemoProgressFunc   progress;
  gpointer             progress_data;

  gboolean             bulk;
  GPtrArray           *saved_triggers;  /* SQL */
  GPtrArray           *saved_indexes;   /* SQL */
  GHashTable          *logged_tables;   /* tables whose log triggers were dropped */
  GPtrArray           *fts_tables;      /* names */

  double               units_total;
  double               units_done;
  double               reported;
  gint64               reported_at;
  const char          *phase;
  guint                tick;

  guint32              today;
  guint32              first_day;
  int                  first_year;
  int                  last_year;

  GArray              *districts;
  GArray              *towns;
  GArray              *stations;
  GArray              *people;
  GArray              *deputies;        /* gint64 */
  GArray              *voters;          /* gint64 voter representatives */
  GArray              *specialty;       /* gint64 group ids */
  GHashTable          *departments;     /* name → gint64 id (boxed) */
  GHashTable          *used_places;

  Picker               gender;
  Picker               role;
  Picker               level;
  Picker               source;
  Picker               mode;
  Picker               satisfaction;
  Picker               attendance;
  Picker               activity_type;
  Picker               suggestion_class;
  Picker               pairing_kind;
  Picker               vote;

  char                 now[21];    /* created_at of every row */
  gint64               next_case_id;
  gint64               next_activity_id;
  GHashTable          *next_seq;    /* year → next serial number */
  Side                *side;        /* the cases' search index, made beside */
} Gen;

#define RAND_INT(g, lo, hi) ((int) g_rand_int_range ((g)->rand, (lo), (hi) + 1))
#define PICK(g, pool) ((pool)[g_rand_int_range ((g)->rand, 0, G_N_ELEMENTS (pool))])

static gboolean
chance (Gen    *g,
        double  p)
{
  return g_rand_double (g->rand) < p;
}

static void
picker_init (Picker       *picker,
             LlEnum        enumeration,
             const Weight *weights,
             guint         n_weights)
{
  double total = 0;

  picker->enumeration = enumeration;
  picker->keys = ll_enum_get_keys (enumeration);
  picker->n_keys = ll_enum_get_n_values (enumeration);
  picker->cumulative = g_new0 (double, picker->n_keys);
  picker->next = 0;

  /* Keys without a weight (added after this was written) get 1. */
  for (guint i = 0; i < picker->n_keys; i++)
    {
      double weight = 1;

      for (guint j = 0; j < n_weights; j++)
        if (strcmp (weights[j].key, picker->keys[i]) == 0)
          weight = weights[j].weight;
      total += weight;
      picker->cumulative[i] = total;
    }
}

static void
picker_clear (Picker *picker)
{
  g_clear_pointer (&picker->cumulative, g_free);
}

static const char *
pick_key (Gen    *g,
          Picker *picker)
{
  double u;

  if (picker->next < picker->n_keys)
    return picker->keys[picker->next++];

  u = g_rand_double (g->rand) * picker->cumulative[picker->n_keys - 1];
  for (guint i = 0; i < picker->n_keys; i++)
    if (u < picker->cumulative[i])
      return picker->keys[i];

  return picker->keys[picker->n_keys - 1];
}

/* Surnames are far from equally common: favour the front of the list. */
static const char *
pick_surname (Gen *g)
{
  double u = g_rand_double (g->rand);

  return surnames[(guint) (u * u * G_N_ELEMENTS (surnames))];
}

static void
make_name (Gen        *g,
           gboolean    female,
           GString    *out)
{
  g_string_assign (out, pick_surname (g));
  g_string_append (out, female ? PICK (g, female_given) : PICK (g, male_given));
}

/* @pattern with its “%s” (if any) replaced by @fill. */
static void
expand (GString    *out,
        const char *pattern,
        const char *fill)
{
  const char *hole = strstr (pattern, "%s");

  if (hole == NULL)
    {
      g_string_assign (out, pattern);
      return;
    }

  g_string_truncate (out, 0);
  g_string_append_len (out, pattern, hole - pattern);
  g_string_append (out, fill);
  g_string_append (out, hole + 2);
}

static void
make_mobile (Gen     *g,
             GString *out)
{
  static const char * const prefixes[] = {
    "133", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "177", "180",
    "181", "186", "187", "189", "199",
  };

  g_string_printf (out, "%s%08d", PICK (g, prefixes), RAND_INT (g, 0, 99999999));
}

static void
format_day (guint32  julian,
            char    *out)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04d-%02d-%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

static int
day_year (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_year (&date);
}

static guint32
julian_of (int year,
           int month,
           int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* Office hours, China Standard Time, written in UTC: the @order-th
 * event of a day comes after the ones before it. */
static void
format_time (Gen     *g,
             guint32  julian,
             guint    order,
             char    *out)
{
  char day[11];
  guint seconds = 3600 + MIN (order, 16) * 2400 + RAND_INT (g, 0, 2399);

  format_day (julian, day);
  g_snprintf (out, 21, "%sT%02u:%02u:%02uZ", day, seconds / 3600, seconds / 60 % 60,
              seconds % 60);
}

static guint32
clamp_day (Gen     *g,
           guint32  day)
{
  return MIN (day, g->today);
}

/* Progress and cancellation ------------------------------------------------- */

static void
set_phase (Gen        *g,
           const char *phase)
{
  g->phase = phase;
  g->reported_at = 0;
  if (g->progress != NULL)
    g->progress (g->units_total > 0 ? MIN (g->units_done / g->units_total, 1.0) : 0, phase,
                 g->progress_data);
}

static gboolean
cancelled_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("Making the demonstration data was cancelled; nothing was added."));
  return FALSE;
}

/* Counts @units of work done; every so often (or @now) checks for
 * cancellation and reports progress. */
static gboolean
advance (Gen      *g,
         double    units,
         gboolean  now,
         GError  **error)
{
  g->units_done += units;

  if ((++g->tick & 0xff) != 0 && !now)
    return TRUE;

  if (g_cancellable_is_cancelled (g->cancellable))
    return cancelled_error (error);

  if (g->progress != NULL)
    {
      double fraction = g->units_total > 0 ? MIN (g->units_done / g->units_total, 1.0) : 0;
      gint64 now = g_get_monotonic_time ();

      if (fraction - g->reported >= 0.002 && now - g->reported_at >= 40000)
        {
          g->reported = fraction;
          g->reported_at = now;
          g->progress (fraction, g->phase, g->progress_data);
        }
    }

  return TRUE;
}

/* Statements ---------------------------------------------------------------- */

static gboolean
insert_row (Gen          *g,
            LlStatement  *statement,
            gint64       *id,
            GError      **error)
{
  LlStep step = _ll_statement_step (statement, error);

  if (step == LL_STEP_ERROR)
    return FALSE;

  sqlite3_reset (statement->stmt);
  if (id != NULL)
    *id = sqlite3_last_insert_rowid (g->handle);

  return TRUE;
}

static void
bind_id (LlStatement *statement,
         int          index,
         gint64       id)
{
  if (id > 0)
    _ll_statement_bind_int64 (statement, index, id);
  else
    _ll_statement_bind_null (statement, index);
}

static gboolean
query_count (Gen         *g,
             const char  *sql,
             gint64      *count,
             GError     **error)
{
  g_autoptr(LlStatement) statement = _ll_database_prepare (g->db, sql, error);

  if (statement == NULL)
    return FALSE;

  switch (_ll_statement_step (statement, error))
    {
    case LL_STEP_ROW:
      *count = sqlite3_column_int64 (statement->stmt, 0);
      return TRUE;
    case LL_STEP_DONE:
      *count = 0;
      return TRUE;
    case LL_STEP_ERROR:
    default:
      return FALSE;
    }
}

static char *
quote_identifier (const char *name)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (quoted, FALSE);
}

/* Batches ------------------------------------------------------------------- */

/* The big tables (cases with their events and receiving deputies,
 * activities with their participants) are written with multi-row
 * INSERTs: SQLite then opens each table's cursors once per hundred rows
 * instead of once per row, and created_at/updated_at are bound once per
 * statement instead of computed by strftime() for every row.
 *
 * The rows are made by a producer thread while this thread writes the
 * previous ones: making realistic text is a third of the work, and the
 * machine has more than one core. All the randomness is drawn on the
 * producer thread, in order, so the data stays the same for a seed. The
 * two threads pass a few chunks back and forth, so memory stays flat.
 * Each chunk holds up to a hundred parents and all their children, and
 * is written parents first, so every reference points at a row that is
 * already there. */

typedef enum
{
  VALUE_NULL,
  VALUE_INT,
  VALUE_TEXT,
} ValueType;

typedef struct
{
  ValueType type;
  guint32   length;   /* of a text */
  gint64    number;   /* or the text's offset in the arena */
} Value;

/* Rows of one table, waiting to be written. */
typedef struct
{
  GArray  *values;
  GString *arena;
  guint    n_rows;
} Rows;

#define MAX_TABLES 3
#define N_CHUNKS   6

typedef struct
{
  Rows     rows[MAX_TABLES];
  double   units;      /* progress */
  gboolean last;
} Chunk;

/* The statements of one table. */
typedef struct
{
  Gen         *g;
  char        *head;       /* INSERT INTO t (a, b, c) VALUES */
  gboolean     stamps;     /* also created_at and updated_at */
  guint        n_columns;
  guint        capacity;   /* rows per statement */
  LlStatement *many;
  LlStatement *one;
} Batch;

typedef gboolean (*ProduceFunc) (Gen      *g,
                                 gpointer  producer);

typedef struct
{
  Gen         *g;
  ProduceFunc  produce;
  guint        capacity;   /* parents per chunk */
  GAsyncQueue *empty;
  GAsyncQueue *full;
  Chunk       *chunk;      /* being filled, producer thread only */
  int          stop;       /* atomic */
} Producer;

static void
rows_init (Rows *rows)
{
  rows->values = g_array_sized_new (FALSE, FALSE, sizeof (Value), 1024);
  rows->arena = g_string_sized_new (16384);
  rows->n_rows = 0;
}

static void
rows_reset (Rows *rows)
{
  g_array_set_size (rows->values, 0);
  g_string_truncate (rows->arena, 0);
  rows->n_rows = 0;
}

static void
rows_clear (Rows *rows)
{
  g_clear_pointer (&rows->values, g_array_unref);
  if (rows->arena != NULL)
    g_string_free (rows->arena, TRUE);
  rows->arena = NULL;
}

static void
rows_int (Rows   *rows,
          gint64  number)
{
  Value value = { VALUE_INT, 0, number };

  g_array_append_val (rows->values, value);
}

static void
rows_id (Rows   *rows,
         gint64  id)
{
  Value value = { id > 0 ? VALUE_INT : VALUE_NULL, 0, id };

  g_array_append_val (rows->values, value);
}

static void
rows_text (Rows       *rows,
           const char *text)
{
  Value value = { VALUE_NULL, 0, 0 };

  if (text != NULL)
    {
      gsize length = strlen (text);

      value.type = VALUE_TEXT;
      value.length = length;
      value.number = rows->arena->len;
      g_string_append_len (rows->arena, text, length + 1);
    }
  g_array_append_val (rows->values, value);
}

static void
rows_end (Rows *rows)
{
  rows->n_rows++;
}

static Chunk *
chunk_new (void)
{
  Chunk *chunk = g_new0 (Chunk, 1);

  for (guint i = 0; i < MAX_TABLES; i++)
    rows_init (&chunk->rows[i]);

  return chunk;
}

static void
chunk_free (Chunk *chunk)
{
  for (guint i = 0; i < MAX_TABLES; i++)
    rows_clear (&chunk->rows[i]);
  g_free (chunk);
}

static void
chunk_reset (Chunk *chunk)
{
  for (guint i = 0; i < MAX_TABLES; i++)
    rows_reset (&chunk->rows[i]);
  chunk->units = 0;
  chunk->last = FALSE;
}

static void
batch_free (Batch *b)
{
  if (b == NULL)
    return;

  g_free (b->head);
  g_clear_pointer (&b->many, _ll_statement_free);
  g_clear_pointer (&b->one, _ll_statement_free);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Batch, batch_free)

static char *
batch_sql (Batch *b,
           guint  n_rows)
{
  GString *sql = g_string_new (b->head);
  guint param = 2;

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r == 0 ? " (" : ", (");
      for (guint c = 0; c < b->n_columns; c++)
        g_string_append_printf (sql, c == 0 ? "?%u" : ", ?%u", param++);
      g_string_append (sql, b->stamps ? ", ?1, ?1)" : ")");
    }

  return g_string_free (sql, FALSE);
}

static Batch *
batch_new (Gen         *g,
           const char  *table,
           const char  *columns,
           gboolean     stamps,
           GError     **error)
{
  g_autoptr(Batch) b = g_new0 (Batch, 1);
  g_autofree char *many = NULL;
  g_autofree char *one = NULL;
  g_auto(GStrv) names = g_strsplit (columns, ",", -1);

  b->g = g;
  b->stamps = stamps;
  b->n_columns = g_strv_length (names);
  b->capacity = MIN (100, 30000 / b->n_columns);
  b->head = g_strdup_printf ("INSERT INTO %s (%s%s) VALUES", table, columns,
                             stamps ? ", created_at, updated_at" : "");

  many = batch_sql (b, b->capacity);
  one = batch_sql (b, 1);
  b->many = _ll_database_prepare (g->db, many, error);
  if (b->many == NULL)
    return NULL;
  b->one = _ll_database_prepare (g->db, one, error);
  if (b->one == NULL)
    return NULL;

  return g_steal_pointer (&b);
}

static gboolean
batch_execute (Batch        *b,
               LlStatement  *statement,
               const Rows   *rows,
               guint         first_row,
               guint         n_rows,
               GError      **error)
{
  const Value *values = &g_array_index (rows->values, Value, first_row * b->n_columns);
  guint n = n_rows * b->n_columns;

  if (b->stamps)
    _ll_statement_bind_text (statement, 1, b->g->now);

  for (guint i = 0; i < n; i++)
    {
      switch (values[i].type)
        {
        case VALUE_INT:
          _ll_statement_bind_int64 (statement, 2 + i, values[i].number);
          break;
        case VALUE_TEXT:
          /* The chunk outlives the statement's use of it: no copy. */
          sqlite3_bind_text (statement->stmt, 2 + i, rows->arena->str + values[i].number,
                             values[i].length, SQLITE_STATIC);
          break;
        case VALUE_NULL:
        default:
          _ll_statement_bind_null (statement, 2 + i);
          break;
        }
    }

  return insert_row (b->g, statement, NULL, error);
}

/* Writes all of @rows: full statements, then the rest one by one. */
static gboolean
batch_write (Batch       *b,
             const Rows  *rows,
             GError     **error)
{
  guint row = 0;

  g_assert (rows->values->len == rows->n_rows * b->n_columns);

  for (; row + b->capacity <= rows->n_rows; row += b->capacity)
    if (!batch_execute (b, b->many, rows, row, b->capacity, error))
      return FALSE;

  for (; row < rows->n_rows; row++)
    if (!batch_execute (b, b->one, rows, row, 1, error))
      return FALSE;

  return TRUE;
}

/* Producer thread: the rows of the chunk being filled. */
static Rows *
producer_rows (Producer *p,
               guint     table)
{
  return &p->chunk->rows[table];
}

/* Producer thread: one parent and its children are complete. Returns
 * FALSE when the writer wants no more. */
static gboolean
producer_next (Producer *p,
               double    units)
{
  p->chunk->units += units;

  if (p->chunk->rows[0].n_rows >= p->capacity)
    {
      g_async_queue_push (p->full, p->chunk);
      p->chunk = g_async_queue_pop (p->empty);
    }

  return !g_atomic_int_get (&p->stop);
}

static gpointer
producer_thread (gpointer data)
{
  Producer *p = data;

  p->chunk = g_async_queue_pop (p->empty);
  p->produce (p->g, p);
  p->chunk->last = TRUE;
  g_async_queue_push (p->full, g_steal_pointer (&p->chunk));

  return NULL;
}

/* The search index, made beside ---------------------------------------------- */

/* Rebuilding the cases' full-text index takes as long as writing the
 * cases themselves, on one core, at the end. So for an FTS table whose
 * content comes from the cases alone, a thread builds the same index in
 * a scratch database while this thread writes everything else: the
 * writer hands it each chunk of cases after writing them, and it
 * rebuilds its index once the last chunk is in. At the end this thread
 * drops and recreates the FTS table (a fresh table: no state of the old
 * one cached on this connection) and copies the scratch database's
 * shadow tables into it, all inside the one transaction. The scratch
 * database is made from the file's own CREATE statements, so the index
 * is exactly what 'rebuild' would have made here (tests/core/test-demo.c
 * runs FTS5's integrity check on it). Anything unexpected, and that
 * table is rebuilt here as before. */

struct _Side
{
  Gen          *g;
  sqlite3      *db;
  char         *path;
  GPtrArray    *tables;     /* FTS tables made here */
  GPtrArray    *creates;    /* their CREATE VIRTUAL TABLE, from the file */
  GArray       *hashsizes;  /* their hashsize setting in the file (gint64, 0 = none) */
  GAsyncQueue  *queue;      /* chunks of cases, then side_end */
  GAsyncQueue  *empty;      /* where chunks go back to */
  GThread      *thread;
  sqlite3_stmt *many;
  sqlite3_stmt *one;
  guint         capacity;
  guint         n_columns;
  gboolean      stamps;
  int           stop;       /* atomic */
  gboolean      ok;
  gboolean      ended;
};

/* Marks the end of the cases in Side.queue. */
static Chunk side_end;

static int
side_interrupt_cb (void *data)
{
  Side *side = data;

  return g_atomic_int_get (&side->stop) ||
         g_cancellable_is_cancelled (side->g->cancellable);
}

static gboolean
side_exec (Side       *side,
           const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (side->db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_debug ("Search index beside: %s: %s", sql, message);
  sqlite3_free (message);
  return FALSE;
}

/* The name in “content = 'name'” of an FTS5 declaration. */
static char *
fts_content_name (const char *sql)
{
  g_autofree char *lower = g_ascii_strdown (sql, -1);

  for (const char *p = strstr (lower, "content"); p != NULL; p = strstr (p + 1, "content"))
    {
      const char *q = p + strlen ("content");
      const char *start;
      char quote;

      while (g_ascii_isspace (*q))
        q++;
      if (*q != '=')
        continue;
      q++;
      while (g_ascii_isspace (*q))
        q++;

      quote = *q == '\'' || *q == '"' ? *q : '\0';
      if (quote != '\0')
        q++;
      start = q;
      while (*q != '\0' && (quote != '\0' ? *q != quote : (g_ascii_isalnum (*q) || *q == '_')))
        q++;
      if (q == start)
        return NULL;

      /* The name as written, from the original text. */
      return g_strndup (sql + (start - lower), q - start);
    }

  return NULL;
}

static char *
main_schema_sql (Gen        *g,
                 const char *name,
                 char      **type)
{
  g_autoptr(LlStatement) statement = _ll_database_prepare (g->db,
                                                           "SELECT sql, type FROM sqlite_master "
                                                           "WHERE name = ?1",
                                                           NULL);

  if (statement == NULL)
    return NULL;
  _ll_statement_bind_text (statement, 1, name);
  if (_ll_statement_step (statement, NULL) != LL_STEP_ROW)
    return NULL;

  if (type != NULL)
    *type = _ll_statement_dup_text (statement, 1);
  return _ll_statement_dup_text (statement, 0);
}

static void
side_free (Side *side)
{
  if (side == NULL)
    return;

  if (side->thread != NULL)
    {
      g_atomic_int_set (&side->stop, 1);
      if (!side->ended)
        g_async_queue_push (side->queue, &side_end);
      g_thread_join (side->thread);
    }
  g_clear_pointer (&side->queue, g_async_queue_unref);
  g_clear_pointer (&side->many, sqlite3_finalize);
  g_clear_pointer (&side->one, sqlite3_finalize);
  g_clear_pointer (&side->db, sqlite3_close);
  if (side->path != NULL)
    {
      g_autofree char *journal = g_strconcat (side->path, "-journal", NULL);

      g_unlink (side->path);
      g_unlink (journal);
    }
  g_free (side->path);
  g_clear_pointer (&side->tables, g_ptr_array_unref);
  g_clear_pointer (&side->creates, g_ptr_array_unref);
  g_clear_pointer (&side->hashsizes, g_array_unref);
  g_free (side);
}

/* Sets up the scratch database for the FTS tables of g->fts_tables that
 * index the cases alone, and takes them off that list. Best effort:
 * NULL when nothing can be done beside. */
static Side *
side_new (Gen *g)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cases_sql = NULL;
  Side *side;
  int fd;

  cases_sql = main_schema_sql (g, "cases", NULL);
  if (cases_sql == NULL || g->fts_tables->len == 0)
    return NULL;

  side = g_new0 (Side, 1);
  side->g = g;
  side->ok = TRUE;
  side->tables = g_ptr_array_new_with_free_func (g_free);
  side->creates = g_ptr_array_new_with_free_func (g_free);
  side->hashsizes = g_array_new (FALSE, FALSE, sizeof (gint64));

  fd = g_file_open_tmp ("lianluo-demo-XXXXXX.db", &side->path, &error);
  if (fd < 0)
    {
      g_debug ("No scratch database: %s", error->message);
      side_free (side);
      return NULL;
    }
  close (fd);

  if (sqlite3_open_v2 (side->path, &side->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      !side_exec (side, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                        "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -131072; "
                        "PRAGMA ignore_check_constraints = ON") ||
      !side_exec (side, cases_sql))
    {
      side_free (side);
      return NULL;
    }

  for (guint i = 0; i < g->fts_tables->len; i++)
    {
      const char *name = g_ptr_array_index (g->fts_tables, i);
      g_autofree char *create = main_schema_sql (g, name, NULL);
      g_autofree char *content = create != NULL ? fts_content_name (create) : NULL;
      g_autofree char *type = NULL;
      g_autofree char *content_sql = NULL;
      sqlite3_stmt *probe = NULL;

      if (content == NULL)
        continue;

      /* The content must read the cases alone: a view that names any
       * other table cannot be prepared in the scratch database. */
      if (g_ascii_strcasecmp (content, "cases") != 0)
        {
          g_autofree char *quoted = quote_identifier (content);
          g_autofree char *select = g_strdup_printf ("SELECT * FROM %s LIMIT 0", quoted);

          content_sql = main_schema_sql (g, content, &type);
          if (content_sql == NULL || g_strcmp0 (type, "view") != 0 ||
              !side_exec (side, content_sql))
            continue;
          if (sqlite3_prepare_v2 (side->db, select, -1, &probe, NULL) != SQLITE_OK)
            {
              g_autofree char *drop = g_strdup_printf ("DROP VIEW %s", quoted);

              side_exec (side, drop);
              continue;
            }
          sqlite3_finalize (probe);
        }

      if (!side_exec (side, create))
        continue;

      {
        g_autofree char *quoted = quote_identifier (name);
        g_autofree char *config = g_strdup_printf ("SELECT v FROM %.*s_config\" WHERE k = 'hashsize'",
                                                   (int) strlen (quoted) - 1, quoted);
        gint64 hashsize = 0;

        if (!query_count (g, config, &hashsize, NULL))
          hashsize = 0;
        g_array_append_val (side->hashsizes, hashsize);
      }

      g_ptr_array_add (side->tables, g_strdup (name));
      g_ptr_array_add (side->creates, g_steal_pointer (&create));
      g_ptr_array_remove_index (g->fts_tables, i);
      i--;
    }

  if (side->tables->len == 0)
    {
      side_free (side);
      return NULL;
    }

  g_debug ("Building %u search tables beside, in %s", side->tables->len, side->path);
  side->queue = g_async_queue_new ();

  return side;
}

static gboolean
side_write (Side       *side,
            const Rows *rows)
{
  for (guint row = 0; row < rows->n_rows; )
    {
      gboolean full = row + side->capacity <= rows->n_rows;
      sqlite3_stmt *stmt = full ? side->many : side->one;
      guint n = full ? side->capacity : 1;
      const Value *values = &g_array_index (rows->values, Value, row * side->n_columns);
      int rc;

      if (side->stamps)
        sqlite3_bind_text (stmt, 1, side->g->now, -1, SQLITE_STATIC);
      for (guint i = 0; i < n * side->n_columns; i++)
        {
          if (values[i].type == VALUE_INT)
            sqlite3_bind_int64 (stmt, 2 + i, values[i].number);
          else if (values[i].type == VALUE_TEXT)
            sqlite3_bind_text (stmt, 2 + i, rows->arena->str + values[i].number,
                               values[i].length, SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, 2 + i);
        }

      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          g_debug ("Search index beside: %s", sqlite3_errmsg (side->db));
          return FALSE;
        }
      row += n;
    }

  return TRUE;
}

static gpointer
side_thread (gpointer data)
{
  Side *side = data;

  for (;;)
    {
      Chunk *chunk = g_async_queue_pop (side->queue);

      if (chunk == &side_end)
        break;

      if (side->ok && !g_atomic_int_get (&side->stop))
        side->ok = side_write (side, &chunk->rows[0]);

      chunk_reset (chunk);
      g_async_queue_push (side->empty, chunk);
    }

  sqlite3_progress_handler (side->db, 20000, side_interrupt_cb, side);
  for (guint i = 0; side->ok && !g_atomic_int_get (&side->stop) && i < side->tables->len; i++)
    {
      g_autofree char *quoted = quote_identifier (g_ptr_array_index (side->tables, i));
      gint64 hashsize = g_array_index (side->hashsizes, gint64, i);
      /* As rebuild_search(): a big hash, then the file's setting back. */
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('hashsize', %u); "
                                              "INSERT INTO %s (%s) VALUES ('rebuild'); "
                                              "INSERT INTO %s (%s, rank) VALUES ('hashsize', %"
                                              G_GINT64_FORMAT ")",
                                              quoted, quoted,
                                              CLAMP (side->g->options->cases, 2048u, 524288u) * 512,
                                              quoted, quoted, quoted, quoted,
                                              hashsize > 0 ? hashsize : 1024 * 1024);

      side->ok = side_exec (side, sql);
    }
  sqlite3_progress_handler (side->db, 0, NULL, NULL);

  return NULL;
}

/* Writer thread, before the first chunk of cases: the statements and the
 * thread. @cases writes the same rows into the file. */
static gboolean
side_start (Side        *side,
            Batch       *cases,
            GAsyncQueue *empty)
{
  g_autofree char *many = NULL;
  g_autofree char *one = NULL;

  side->capacity = cases->capacity;
  side->n_columns = cases->n_columns;
  side->stamps = cases->stamps;
  side->empty = empty;

  many = batch_sql (cases, cases->capacity);
  one = batch_sql (cases, 1);
  if (sqlite3_prepare_v2 (side->db, many, -1, &side->many, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (side->db, one, -1, &side->one, NULL) != SQLITE_OK)
    {
      g_debug ("Search index beside: %s", sqlite3_errmsg (side->db));
      side->ok = FALSE;
      return FALSE;
    }

  side->thread = g_thread_new ("ll-demo-search", side_thread, side);
  return TRUE;
}

/* Copies one table of the scratch database into the file. */
static gboolean
side_copy_table (Side        *side,
                 const char  *name,
                 GError     **error)
{
  Gen *g = side->g;
  g_autofree char *quoted = quote_identifier (name);
  g_autofree char *select = g_strdup_printf ("SELECT * FROM %s", quoted);
  g_autofree char *clear = g_strdup_printf ("DELETE FROM %s", quoted);
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(LlStatement) statement = NULL;
  sqlite3_stmt *source = NULL;
  int n_columns;
  int rc;

  if (sqlite3_prepare_v2 (side->db, select, -1, &source, NULL) != SQLITE_OK)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED, "%s",
                   sqlite3_errmsg (side->db));
      return FALSE;
    }

  n_columns = sqlite3_column_count (source);
  g_string_printf (insert, "INSERT INTO %s VALUES (", quoted);
  for (int i = 0; i < n_columns; i++)
    g_string_append (insert, i == 0 ? "?" : ", ?");
  g_string_append (insert, ")");

  if (!_ll_database_exec (g->db, clear, error) ||
      (statement = _ll_database_prepare (g->db, insert->str, error)) == NULL)
    {
      sqlite3_finalize (source);
      return FALSE;
    }

  while ((rc = sqlite3_step (source)) == SQLITE_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        sqlite3_bind_value (statement->stmt, i + 1, sqlite3_column_value (source, i));
      if (!insert_row (g, statement, NULL, error))
        {
          sqlite3_finalize (source);
          return FALSE;
        }
    }
  sqlite3_finalize (source);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED, "%s",
                   sqlite3_errmsg (side->db));
      return FALSE;
    }

  return TRUE;
}

/* Main thread, at the end: waits for the index and installs it. A table
 * that could not be made beside goes back to g->fts_tables, to be
 * rebuilt here. */
static gboolean
side_finish (Side    *side,
             GError **error)
{
  Gen *g = side->g;

  if (side->thread != NULL)
    {
      g_thread_join (g_steal_pointer (&side->thread));
    }

  if (g_cancellable_is_cancelled (g->cancellable))
    return cancelled_error (error);

  for (guint i = 0; i < side->tables->len; i++)
    {
      const char *name = g_ptr_array_index (side->tables, i);
      g_autofree char *quoted = quote_identifier (name);
      g_autofree char *drop = g_strdup_printf ("DROP TABLE %s", quoted);
      g_autoptr(GPtrArray) shadows = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = g_strdup_printf ("SELECT name FROM sqlite_master WHERE type = 'table' "
                                               "AND substr (name, 1, %u) = '%s_'",
                                               (guint) strlen (name) + 1, name);
      sqlite3_stmt *stmt = NULL;

      if (!side->ok || strchr (name, '\'') != NULL ||
          sqlite3_prepare_v2 (side->db, list, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_ptr_array_add (g->fts_tables, g_strdup (name));
          continue;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (shadows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);

      /* A fresh table: this connection keeps nothing of the old one. */
      if (!_ll_database_exec (g->db, drop, error) ||
          !_ll_database_exec (g->db, g_ptr_array_index (side->creates, i), error))
        return FALSE;

      for (guint k = 0; k < shadows->len; k++)
        if (!side_copy_table (side, g_ptr_array_index (shadows, k), error))
          return FALSE;

      if (!advance (g, g->options->cases, TRUE, error))
        return FALSE;
    }

  return TRUE;
}

/* Runs @produce on a thread of its own and writes what it makes with
 * @batches (one per table of a chunk, parents first). */
static gboolean
produce_and_write (Gen          *g,
                   ProduceFunc   produce,
                   Batch       **batches,
                   guint         n_batches,
                   Side         *side,
                   GError      **error)
{
  Producer p = { 0 };
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_assert (n_batches <= MAX_TABLES);

  p.g = g;
  p.produce = produce;
  p.capacity = batches[0]->capacity;
  p.empty = g_async_queue_new_full ((GDestroyNotify) chunk_free);
  p.full = g_async_queue_new_full ((GDestroyNotify) chunk_free);
  for (guint i = 0; i < N_CHUNKS; i++)
    g_async_queue_push (p.empty, chunk_new ());

  /* The search index beside gets each chunk after it is written. */
  if (side != NULL && !side_start (side, batches[0], p.empty))
    side = NULL;

  thread = g_thread_new ("ll-demo", producer_thread, &p);

  for (;;)
    {
      Chunk *chunk = g_async_queue_pop (p.full);
      gboolean last = chunk->last;

      for (guint i = 0; ok && i < n_batches; i++)
        ok = batch_write (batches[i], &chunk->rows[i], &local_error);

      if (ok && !advance (g, chunk->units, TRUE, &local_error))
        ok = FALSE;

      /* On failure, let the producer finish and throw its rows away. */
      if (!ok)
        g_atomic_int_set (&p.stop, 1);

      if (side != NULL)
        g_async_queue_push (side->queue, chunk);
      else
        {
          chunk_reset (chunk);
          g_async_queue_push (p.empty, chunk);
        }

      if (last)
        break;
    }

  g_thread_join (g_steal_pointer (&thread));

  /* Every chunk back (from the index beside too) before they go. */
  for (guint i = 0; i < N_CHUNKS; i++)
    chunk_free (g_async_queue_pop (p.empty));
  if (side != NULL)
    {
      g_async_queue_push (side->queue, &side_end);
      side->ended = TRUE;
    }

  g_async_queue_unref (p.empty);
  g_async_queue_unref (p.full);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* The next id of @table, so that rows can name their parents before
 * they are written. */
static gboolean
next_id (Gen         *g,
         const char  *table,
         gint64      *id,
         GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max (coalesce ((SELECT max (id) FROM %s), 0), "
                                          "coalesce ((SELECT seq FROM sqlite_sequence "
                                          "WHERE name = '%s'), 0)) + 1", table, table);

  return query_count (g, sql, id, error);
}

/* JSON for case_events.detail, as ll-case-workflow writes it. */
static void
json_begin (GString *json)
{
  g_string_assign (json, "{");
}

static void
json_key (GString    *json,
          const char *key)
{
  if (json->len > 1)
    g_string_append_c (json, ',');
  g_string_append_c (json, '"');
  g_string_append (json, key);
  g_string_append (json, "\":");
}

static void
json_string (GString    *json,
             const char *key,
             const char *value)
{
  if (value == NULL)
    return;

  json_key (json, key);
  g_string_append_c (json, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (json, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

static void
json_int (GString    *json,
          const char *key,
          gint64      value)
{
  json_key (json, key);
  g_string_append_printf (json, "%" G_GINT64_FORMAT, value);
}

static void
json_bool (GString    *json,
           const char *key,
           gboolean    value)
{
  json_key (json, key);
  g_string_append (json, value ? "true" : "false");
}

static char *
json_end (GString *json)
{
  g_string_append_c (json, '}');
  return g_strdup (json->str);
}

/* Triggers ------------------------------------------------------------------ */

/* Whether @sql names @word as a whole identifier. */
static gboolean
mentions (const char *sql,
          const char *word)
{
  g_autofree char *lower_sql = g_ascii_strdown (sql, -1);
  g_autofree char *lower_word = g_ascii_strdown (word, -1);
  gsize n = strlen (lower_word);

  for (const char *p = strstr (lower_sql, lower_word); p != NULL;
       p = strstr (p + 1, lower_word))
    {
      gboolean start_ok = p == lower_sql || !(g_ascii_isalnum (p[-1]) || p[-1] == '_');
      gboolean end_ok = !(g_ascii_isalnum (p[n]) || p[n] == '_');

      if (start_ok && end_ok)
        return TRUE;
    }

  return FALSE;
}

/* An FTS5 table with external content ('content=' naming a table) can
 * be rebuilt from it; a regular or contentless one cannot, so its
 * triggers stay. */
static gboolean
is_external_fts (const char *sql)
{
  g_autofree char *lower = g_ascii_strdown (sql, -1);
  g_autofree char *compact = NULL;
  GString *s = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  compact = g_string_free (s, FALSE);

  return strstr (compact, "usingfts5(") != NULL &&
         strstr (compact, "content=") != NULL &&
         strstr (compact, "content=''") == NULL &&
         strstr (compact, "content=\"\"") == NULL;
}

static gboolean
suspend_triggers (Gen     *g,
                  GError **error)
{
  g_autoptr(LlStatement) tables = NULL;
  g_autoptr(LlStatement) triggers = NULL;
  g_autoptr(LlStatement) indexes = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  LlStep step;

  tables = _ll_database_prepare (g->db,
                                 "SELECT name, sql FROM sqlite_master "
                                 "WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'",
                                 error);
  if (tables == NULL)
    return FALSE;
  while ((step = _ll_statement_step (tables, error)) == LL_STEP_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (tables->stmt, 1);

      if (sql != NULL && is_external_fts (sql))
        g_ptr_array_add (g->fts_tables, _ll_statement_dup_text (tables, 0));
    }
  if (step == LL_STEP_ERROR)
    return FALSE;

  triggers = _ll_database_prepare (g->db,
                                   "SELECT name, sql, tbl_name FROM sqlite_master "
                                   "WHERE type = 'trigger' AND sql IS NOT NULL ORDER BY rowid",
                                   error);
  if (triggers == NULL)
    return FALSE;
  while ((step = _ll_statement_step (triggers, error)) == LL_STEP_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (triggers->stmt, 1);
      const char *table = (const char *) sqlite3_column_text (triggers->stmt, 2);
      gboolean drop = mentions (sql, "change_log");

      if (drop && !g_hash_table_contains (g->logged_tables, table))
        g_hash_table_add (g->logged_tables, g_strdup (table));

      for (guint i = 0; !drop && i < g->fts_tables->len; i++)
        drop = mentions (sql, g_ptr_array_index (g->fts_tables, i));

      if (drop)
        {
          g_ptr_array_add (names, _ll_statement_dup_text (triggers, 0));
          g_ptr_array_add (g->saved_triggers, g_strdup (sql));
        }
    }
  if (step == LL_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&triggers, _ll_statement_free);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *quoted = quote_identifier (g_ptr_array_index (names, i));
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER %s", quoted);

      if (!_ll_database_exec (g->db, sql, error))
        return FALSE;
    }

  /* The indexes of the big tables are built once at the end from sorted
   * data (with two threads) instead of row by row in random places.
   * Those of the history and of the activities stay: their keys arrive
   * in order, or nearly (measured). So do the UNIQUE constraints' own
   * indexes, which cannot be dropped. */
  g_ptr_array_set_size (names, 0);
  indexes = _ll_database_prepare (g->db,
                                  "SELECT name, sql FROM sqlite_master "
                                  "WHERE type = 'index' AND sql IS NOT NULL "
                                  "AND tbl_name IN ('cases', 'case_deputies', "
                                  "'activity_participants') ORDER BY rowid",
                                  error);
  if (indexes == NULL)
    return FALSE;
  while ((step = _ll_statement_step (indexes, error)) == LL_STEP_ROW)
    {
      g_ptr_array_add (names, _ll_statement_dup_text (indexes, 0));
      g_ptr_array_add (g->saved_indexes, _ll_statement_dup_text (indexes, 1));
    }
  if (step == LL_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&indexes, _ll_statement_free);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *quoted = quote_identifier (g_ptr_array_index (names, i));
      g_autofree char *sql = g_strdup_printf ("DROP INDEX %s", quoted);

      if (!_ll_database_exec (g->db, sql, error))
        return FALSE;
    }

  g_debug ("Suspended %u triggers and %u indexes; %u search tables to rebuild",
           g->saved_triggers->len, g->saved_indexes->len, g->fts_tables->len);

  return TRUE;
}

static int
interrupt_cb (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data));
}

static gboolean
rebuild_search (Gen     *g,
                GError **error)
{
  for (guint i = 0; i < g->fts_tables->len; i++)
    {
      g_autofree char *quoted = quote_identifier (g_ptr_array_index (g->fts_tables, i));
      g_autofree char *config = g_strdup_printf ("SELECT v FROM %.*s_config\" WHERE k = 'hashsize'",
                                                 (int) strlen (quoted) - 1, quoted);
      g_autofree char *grow = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('hashsize', %u)",
                                               quoted, quoted,
                                               CLAMP (g->options->cases, 2048u, 524288u) * 512);
      g_autofree char *rebuild = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')",
                                                  quoted, quoted);
      g_autofree char *restore = NULL;
      gint64 hashsize = 0;
      gboolean ok;

      /* A big in-memory hash makes FTS5 write a few large segments
       * instead of merging hundreds of small ones: several times
       * faster. The setting is put back afterwards (1 MiB is FTS5's
       * default). */
      if (!query_count (g, config, &hashsize, error))
        return FALSE;
      restore = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('hashsize', %"
                                 G_GINT64_FORMAT ")",
                                 quoted, quoted, hashsize > 0 ? hashsize : 1024 * 1024);

      if (!_ll_database_exec (g->db, grow, error))
        return FALSE;

      if (g->cancellable != NULL)
        sqlite3_progress_handler (g->handle, 20000, interrupt_cb, g->cancellable);
      ok = _ll_database_exec (g->db, rebuild, error);
      sqlite3_progress_handler (g->handle, 0, NULL, NULL);

      if (!ok)
        return FALSE;
      if (!_ll_database_exec (g->db, restore, error))
        return FALSE;
      if (!advance (g, (double) g->options->cases / MAX (g->fts_tables->len, 1),
                    TRUE, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
resume_triggers (Gen     *g,
                 GError **error)
{
  g_autoptr(LlStatement) log = NULL;
  g_autoptr(GList) tables = NULL;

  for (guint i = 0; i < g->saved_triggers->len; i++)
    if (!_ll_database_exec (g->db, g_ptr_array_index (g->saved_triggers, i), error))
      return FALSE;

  /* One change per table written, so that open windows reload their
   * lists. */
  log = _ll_database_prepare (g->db,
                              "INSERT INTO change_log (tbl, row_id, op, user, host) "
                              "VALUES (?1, ?2, 'insert', ll_user (), ll_host ())",
                              error);
  if (log == NULL)
    return FALSE;

  tables = g_list_sort (g_hash_table_get_keys (g->logged_tables), (GCompareFunc) strcmp);
  for (GList *l = tables; l != NULL; l = l->next)
    {
      g_autofree char *quoted = quote_identifier (l->data);
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM %s", quoted);
      gint64 last = 0;

      if (!query_count (g, sql, &last, error))
        return FALSE;
      if (last == 0)
        continue;

      _ll_statement_bind_text (log, 1, l->data);
      _ll_statement_bind_int64 (log, 2, last);
      if (!insert_row (g, log, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* Areas and stations -------------------------------------------------------- */

static char *
unique_place (Gen        *g,
              const char *suffix)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *base = g_strconcat (PICK (g, place_first), PICK (g, place_second), NULL);
      char *name;

      if (attempt > 50)
        name = g_strdup_printf ("%s%s%s", base, chinese_numbers[attempt % 10], suffix);
      else
        name = g_strconcat (base, suffix, NULL);

      if (!g_hash_table_contains (g->used_places, name))
        {
          g_hash_table_add (g->used_places, name);
          return g_strdup (name);
        }
      g_free (name);
    }
}

static gboolean
insert_area (Gen          *g,
             LlStatement  *statement,
             gint64        parent,
             const char   *level,
             const char   *name,
             gint64       *id,
             GError      **error)
{
  bind_id (statement, 1, parent);
  _ll_statement_bind_text (statement, 2, level);
  _ll_statement_bind_text (statement, 3, name);
  return insert_row (g, statement, id, error);
}

typedef struct
{
  LlStatement *area;
  LlStatement *station;
} StationStatements;

static void
station_schedule (Gen     *g,
                  Station *station,
                  GString *schedule)
{
  static const guint day_choices[] = { 5, 8, 10, 15, 18, 20, 25 };

  g_string_truncate (schedule, 0);
  station->n_days = 0;

  if (strcmp (station->kind, "online") == 0)
    {
      g_string_assign (schedule, "网上全天候受理群众诉求");
      return;
    }
  if (strcmp (station->kind, "legislative_point") == 0)
    {
      g_string_assign (schedule, "每季度集中征求立法意见");
      return;
    }
  if (strcmp (station->kind, "point") == 0 && chance (g, 0.5))
    {
      g_string_assign (schedule, "每周三下午开放");
      return;
    }

  station->days[0] = PICK (g, day_choices);
  station->n_days = 1;
  g_string_printf (schedule, "每月%u日接待选民", station->days[0]);

  if ((strcmp (station->kind, "home") == 0 || strcmp (station->kind, "station") == 0) &&
      chance (g, 0.35))
    {
      guint second = station->days[0] + 8 > 28 ? station->days[0] - 8 : station->days[0] + 8;

      station->days[1] = second;
      station->n_days = 2;
      g_string_append_printf (schedule, "，每月%u日民情恳谈会", second);
      if (station->days[1] < station->days[0])
        {
          station->days[1] = station->days[0];
          station->days[0] = second;
        }
    }
}

static gboolean
insert_station (Gen                *g,
                StationStatements  *st,
                const char         *kind,
                guint               town_index,
                gint64              parent_index,   /* index + 1, or 0 */
                GError            **error)
{
  Town *town = &g_array_index (g->towns, Town, town_index);
  District *district = &g_array_index (g->districts, District, town->district);
  Station station = { 0 };
  g_autoptr(GString) schedule = g_string_new (NULL);
  g_autoptr(GString) phone = g_string_new (NULL);
  gint64 area_id = town->area_id;
  char opened[11];
  char archived[21];
  char days[16] = "";
  double floor_area;

  station.kind = kind;
  station.town = town_index;
  station.active = TRUE;
  station.members = g_array_new (FALSE, FALSE, sizeof (gint64));
  station.deputies = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (strcmp (kind, "station") == 0)
    {
      gboolean village = town->is_town && chance (g, 0.6);

      station.community = unique_place (g, village ? "村" : "社区");
      if (!insert_area (g, st->area, town->area_id, "community", station.community, &area_id,
                        error))
        return FALSE;
      town->n_communities++;
      station.name = g_strconcat (station.community, "人大代表联络站", NULL);
      station.weight = 3;
      floor_area = RAND_INT (g, 60, 300);
    }
  else if (strcmp (kind, "point") == 0)
    {
      Station *parent = parent_index > 0
                          ? &g_array_index (g->stations, Station, parent_index - 1) : NULL;
      static const char * const point_names[] = { "民情茶话亭", "代表联系点", "民情驿站", "议事亭" };

      station.community = g_strdup (parent != NULL && parent->community != NULL
                                      ? parent->community : town->name);
      station.name = g_strdup_printf ("%s%s%s", station.community, PICK (g, compounds),
                                      PICK (g, point_names));
      station.weight = 1;
      station.active = !chance (g, 0.04);
      floor_area = RAND_INT (g, 10, 40);
    }
  else if (strcmp (kind, "home") == 0)
    {
      station.name = g_strconcat (town->name, "人大代表之家", NULL);
      station.weight = 3;
      floor_area = RAND_INT (g, 200, 1200);
    }
  else if (strcmp (kind, "studio") == 0)
    {
      station.name = g_strconcat (chance (g, 0.6) ? PICK (g, female_given) : PICK (g, male_given),
                                  "代表工作室", NULL);
      /* Single-character given names read badly here. */
      if (g_utf8_strlen (station.name, -1) < 7)
        {
          g_free (station.name);
          station.name = g_strconcat (pick_surname (g), PICK (g, female_given), "代表工作室",
                                      NULL);
        }
      station.weight = 1;
      floor_area = RAND_INT (g, 30, 80);
    }
  else if (strcmp (kind, "workstation") == 0)
    {
      static const char * const places[] = {
        "工业园区", "商会", "物流园", "高新园区", "农业园区", "商务楼宇", "科创园",
      };

      station.name = g_strconcat (town->short_name, PICK (g, places), "人大代表工作站", NULL);
      station.weight = 2;
      floor_area = RAND_INT (g, 80, 200);
    }
  else if (strcmp (kind, "legislative_point") == 0)
    {
      station.name = g_strconcat (town->name, "基层立法联系点", NULL);
      station.weight = 1;
      floor_area = RAND_INT (g, 50, 150);
    }
  else
    {
      station.name = g_strconcat (district->name, "网上联络站", NULL);
      station.weight = 0;
      floor_area = 0;
    }

  station.address = strcmp (kind, "online") == 0
                      ? NULL
                      : g_strdup_printf ("%s%s%s%d号", district->name, town->name,
                                         PICK (g, streets), RAND_INT (g, 1, 300));
  station_schedule (g, &station, schedule);
  if (station.n_days == 1)
    g_snprintf (days, sizeof days, "%u", station.days[0]);
  else if (station.n_days == 2)
    g_snprintf (days, sizeof days, "%u,%u", station.days[0], station.days[1]);

  format_day (MIN (g->today, julian_of (2015, 1, 1) + RAND_INT (g, 0, 7 * 365)), opened);
  g_string_printf (phone, "0523-%d", RAND_INT (g, 80000000, 89999999));

  bind_id (st->station, 1, parent_index > 0
                             ? g_array_index (g->stations, Station, parent_index - 1).id : 0);
  _ll_statement_bind_text (st->station, 2, kind);
  _ll_statement_bind_text (st->station, 3, station.name);
  bind_id (st->station, 4, area_id);
  _ll_statement_bind_text (st->station, 5, station.address);
  _ll_statement_bind_text (st->station, 6, opened);
  if (floor_area > 0)
    _ll_statement_bind_double (st->station, 7, floor_area);
  else
    _ll_statement_bind_null (st->station, 7);
  _ll_statement_bind_text (st->station, 8, strcmp (kind, "online") == 0 ? NULL : phone->str);
  _ll_statement_bind_text (st->station, 9, schedule->str);
  _ll_statement_bind_text (st->station, 10, days[0] != '\0' ? days : NULL);
  _ll_statement_bind_int64 (st->station, 11, station.active ? 1 : 0);
  if (station.active)
    _ll_statement_bind_null (st->station, 12);
  else
    {
      char day[11];

      format_day (g->first_day, day);
      g_snprintf (archived, sizeof archived, "%sT02:00:00Z", day);
      _ll_statement_bind_text (st->station, 12, archived);
    }

  if (!insert_row (g, st->station, &station.id, error))
    return FALSE;

  g_array_append_val (g->stations, station);

  if (station.active && strcmp (kind, "online") != 0)
    {
      guint index = g->stations->len - 1;

      g_array_append_val (town->stations, index);
    }

  return advance (g, 1, FALSE, error);
}

static void
district_clear (gpointer data)
{
  District *district = data;

  g_free (district->name);
}

static void
town_clear (gpointer data)
{
  Town *town = data;

  g_free (town->name);
  g_free (town->short_name);
  g_free (town->office_name);
  g_clear_pointer (&town->stations, g_array_unref);
  g_clear_pointer (&town->groups, g_array_unref);
  g_clear_pointer (&town->deputies, g_array_unref);
}

static void
station_clear (gpointer data)
{
  Station *station = data;

  g_free (station->name);
  g_free (station->community);
  g_free (station->address);
  g_clear_pointer (&station->members, g_array_unref);
  g_clear_pointer (&station->deputies, g_array_unref);
}

static void
person_clear (gpointer data)
{
  Person *person = data;

  g_free (person->name);
}

/* The 家 → 站 → 点 tree: a home per town, an online station and a
 * legislative contact point per district, then stations (one per
 * community), their points, studios and workstations. */
static gboolean
make_stations (Gen     *g,
               GError **error)
{
  static const char * const pattern[] = {
    "station", "station", "point", "station", "point", "studio", "station", "workstation",
    "point", "station",
  };
  StationStatements st = { 0 };
  guint n = g->options->stations;
  guint n_districts = MAX (1, (n + 299) / 300);
  guint n_towns = MAX (n_districts, n / 12);
  g_autoptr(GArray) town_order = NULL;
  guint round = 0;

  set_phase (g, _("Stations"));

  st.area = _ll_database_prepare (g->db,
                                  "INSERT INTO areas (parent_id, level, name) VALUES (?1, ?2, ?3)",
                                  error);
  st.station = _ll_database_prepare (g->db,
                                     "INSERT INTO stations (parent_id, kind, name, area_id, "
                                     "address, opened_on, floor_area, phone, reception_schedule, "
                                     "reception_days, active, archived_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                     error);
  if (st.area == NULL || st.station == NULL)
    goto failed;

  n_districts = MIN (n_districts, G_N_ELEMENTS (district_names));
  for (guint i = 0; i < n_districts; i++)
    {
      District district = { 0 };

      district.name = g_strdup (district_names[i]);
      if (!insert_area (g, st.area, 0, "district", district.name, &district.area_id, error))
        goto failed;
      g_array_append_val (g->districts, district);
    }

  {
    g_autoptr(GPtrArray) shuffled = g_ptr_array_new ();

    for (guint i = 0; i < G_N_ELEMENTS (town_names); i++)
      g_ptr_array_add (shuffled, (gpointer) town_names[i]);
    for (guint i = shuffled->len - 1; i > 0; i--)
      {
        guint j = g_rand_int_range (g->rand, 0, i + 1);
        gpointer swap = shuffled->pdata[i];

        shuffled->pdata[i] = shuffled->pdata[j];
        shuffled->pdata[j] = swap;
      }

    for (guint i = 0; i < n_towns; i++)
      {
        Town town = { 0 };

        town.district = i % n_districts;
        town.is_town = chance (g, 0.4);
        if (i < shuffled->len)
          town.short_name = g_strdup (shuffled->pdata[i]);
        else
          town.short_name = g_strdup_printf ("%s%s", (char *) shuffled->pdata[i % shuffled->len],
                                             chinese_numbers[(i / shuffled->len) % 10]);
        town.name = g_strconcat (town.short_name, town.is_town ? "镇" : "街道", NULL);
        town.stations = g_array_new (FALSE, FALSE, sizeof (guint));
        town.groups = g_array_new (FALSE, FALSE, sizeof (gint64));
        town.deputies = g_array_new (FALSE, FALSE, sizeof (gint64));
        if (!insert_area (g, st.area,
                          g_array_index (g->districts, District, town.district).area_id,
                          "town", town.name, &town.area_id, error))
          goto failed;
        g_array_append_val (g->towns, town);
      }
  }

  /* Homes first: everything else hangs under them. */
  for (guint t = 0; t < n_towns && g->stations->len < n; t++)
    {
      if (!insert_station (g, &st, "home", t, 0, error))
        goto failed;
      g_array_index (g->towns, Town, t).home = g->stations->len;
    }

  for (guint d = 0; d < n_districts && g->stations->len < n; d++)
    {
      guint t = d;   /* the district's first town */

      if (!insert_station (g, &st, "online", t, 0, error))
        goto failed;
      if (g->stations->len < n &&
          !insert_station (g, &st, "legislative_point", t,
                           g_array_index (g->towns, Town, t).home, error))
        goto failed;
    }

  town_order = g_array_new (FALSE, FALSE, sizeof (guint));
  while (g->stations->len < n)
    {
      const char *kind = pattern[round % G_N_ELEMENTS (pattern)];

      for (guint t = 0; t < n_towns && g->stations->len < n; t++)
        {
          Town *town = &g_array_index (g->towns, Town, t);
          gint64 parent = town->home;

          if (strcmp (kind, "point") == 0)
            {
              /* Under one of the town's stations, if it has one. */
              g_array_set_size (town_order, 0);
              for (guint i = 0; i < town->stations->len; i++)
                {
                  guint index = g_array_index (town->stations, guint, i);

                  if (strcmp (g_array_index (g->stations, Station, index).kind, "station") == 0)
                    g_array_append_val (town_order, index);
                }
              if (town_order->len > 0)
                parent = g_array_index (town_order, guint,
                                        g_rand_int_range (g->rand, 0, town_order->len)) + 1;
            }

          if (!insert_station (g, &st, kind, t, parent, error))
            goto failed;
        }
      round++;
    }

  for (guint t = 0; t < g->towns->len; t++)
    {
      Town *town = &g_array_index (g->towns, Town, t);

      for (guint i = 0; i < town->stations->len; i++)
        town->weight += g_array_index (g->stations, Station,
                                       g_array_index (town->stations, guint, i)).weight;
    }

  _ll_statement_free (st.area);
  _ll_statement_free (st.station);
  return TRUE;

failed:
  g_clear_pointer (&st.area, _ll_statement_free);
  g_clear_pointer (&st.station, _ll_statement_free);
  return FALSE;
}

/* Departments --------------------------------------------------------------- */

static gboolean
make_departments (Gen     *g,
                  GError **error)
{
  g_autoptr(LlStatement) insert = NULL;
  g_autoptr(LlStatement) find = NULL;
  g_autoptr(GString) phone = g_string_new (NULL);
  g_autoptr(GString) contact = g_string_new (NULL);

  insert = _ll_database_prepare (g->db,
                                 "INSERT OR IGNORE INTO departments (name, contact_person, phone, "
                                 "address) VALUES (?1, ?2, ?3, ?4)",
                                 error);
  find = _ll_database_prepare (g->db, "SELECT id FROM departments WHERE name = ?1", error);
  if (insert == NULL || find == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (department_names) + g->towns->len; i++)
    {
      g_autofree char *owned = NULL;
      const char *name;
      const char *desk;
      gint64 *id;

      if (i < G_N_ELEMENTS (department_names))
        {
          name = department_names[i].name;
          desk = department_names[i].contact;
        }
      else
        {
          Town *town = &g_array_index (g->towns, Town, i - G_N_ELEMENTS (department_names));

          owned = g_strconcat (town->name, town->is_town ? "人民政府" : "办事处", NULL);
          name = owned;
          desk = "党政办";
        }

      make_name (g, chance (g, 0.4), contact);
      g_string_prepend (contact, desk);
      g_string_printf (phone, "0523-%d", RAND_INT (g, 80000000, 89999999));

      _ll_statement_bind_text (insert, 1, name);
      _ll_statement_bind_text (insert, 2, contact->str);
      _ll_statement_bind_text (insert, 3, phone->str);
      _ll_statement_bind_text (insert, 4, PICK (g, streets));
      if (!insert_row (g, insert, NULL, error))
        return FALSE;

      _ll_statement_bind_text (find, 1, name);
      if (_ll_statement_step (find, error) != LL_STEP_ROW)
        {
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED,
                                 _("A department could not be saved."));
          return FALSE;
        }
      id = g_new (gint64, 1);
      *id = sqlite3_column_int64 (find->stmt, 0);
      sqlite3_reset (find->stmt);

      if (owned != NULL)
        {
          Town *town = &g_array_index (g->towns, Town, i - G_N_ELEMENTS (department_names));

          town->office = *id;
          town->office_name = g_strdup (owned);
        }
      g_hash_table_insert (g->departments, g_strdup (name), id);
    }

  return TRUE;
}

static gint64
department_id (Gen        *g,
               const char *name)
{
  gint64 *id = g_hash_table_lookup (g->departments, name);

  return id != NULL ? *id : 0;
}

/* People -------------------------------------------------------------------- */

static gboolean
make_groups (Gen     *g,
             GError **error)
{
  g_autoptr(LlStatement) insert = NULL;
  g_autoptr(GString) name = g_string_new (NULL);

  insert = _ll_database_prepare (g->db,
                                 "INSERT INTO groups (kind, name, station_id) VALUES (?1, ?2, ?3)",
                                 error);
  if (insert == NULL)
    return FALSE;

  for (guint t = 0; t < g->towns->len; t++)
    {
      Town *town = &g_array_index (g->towns, Town, t);
      guint n = CLAMP (town->stations->len / 4, 1, 6);

      for (guint i = 0; i < n; i++)
        {
          gint64 id;

          g_string_printf (name, "%s第%s代表小组", town->name, chinese_numbers[i]);
          _ll_statement_bind_text (insert, 1, "deputy");
          _ll_statement_bind_text (insert, 2, name->str);
          bind_id (insert, 3, town->home > 0
                                ? g_array_index (g->stations, Station, town->home - 1).id : 0);
          if (!insert_row (g, insert, &id, error))
            return FALSE;
          g_array_append_val (town->groups, id);
        }
    }

  for (guint d = 0; d < g->districts->len; d++)
    for (guint i = 0; i < G_N_ELEMENTS (specialty_names); i++)
      {
        gint64 id;

        g_string_printf (name, "%s%s专业小组", g_array_index (g->districts, District, d).name,
                         specialty_names[i]);
        _ll_statement_bind_text (insert, 1, "specialty");
        _ll_statement_bind_text (insert, 2, name->str);
        _ll_statement_bind_null (insert, 3);
        if (!insert_row (g, insert, &id, error))
          return FALSE;
        g_array_append_val (g->specialty, id);
      }

  return TRUE;
}

static gint64
random_deputy (Gen *g)
{
  return g_array_index (g->deputies, gint64, g_rand_int_range (g->rand, 0, g->deputies->len));
}

static guint
pick_town (Gen *g)
{
  double total = 0;
  double u;

  for (guint t = 0; t < g->towns->len; t++)
    total += g_array_index (g->towns, Town, t).weight;

  if (total <= 0)
    return g_rand_int_range (g->rand, 0, g->towns->len);

  u = g_rand_double (g->rand) * total;
  for (guint t = 0; t < g->towns->len; t++)
    {
      u -= g_array_index (g->towns, Town, t).weight;
      if (u < 0)
        return t;
    }

  return g->towns->len - 1;
}

/* A station of @town where people can be stationed (G_MAXUINT: none). */
static guint
pick_station_in (Gen  *g,
                 Town *town)
{
  double u;

  if (town->stations->len == 0)
    return G_MAXUINT;

  u = g_rand_double (g->rand) * town->weight;
  for (guint i = 0; i < town->stations->len; i++)
    {
      guint index = g_array_index (town->stations, guint, i);

      u -= g_array_index (g->stations, Station, index).weight;
      if (u < 0)
        return index;
    }

  return g_array_index (town->stations, guint, town->stations->len - 1);
}

typedef struct
{
  const char *occupation;
  const char *unit;   /* %s: town, community or company */
  const char *post;
  char        fill;   /* t town, c community, f company, - nothing */
} Job;

static const Job deputy_jobs[] = {
  { "领导干部", "%s党工委", "书记", 't' },
  { "领导干部", "%s办事处", "主任", 't' },
  { "领导干部", "区人民政府", "副区长", '-' },
  { "社区工作者", "%s居民委员会", "党委书记、主任", 'c' },
  { "农民", "%s村民委员会", "村民", 'c' },
  { "一线工人", "%s", "车间主任", 'f' },
  { "一线工人", "%s", "技术员", 'f' },
  { "专业技术人员", "区人民医院", "主任医师", '-' },
  { "专业技术人员", "区第一中学", "教师", '-' },
  { "专业技术人员", "%s卫生院", "医生", 't' },
  { "企业负责人", "%s", "董事长", 'f' },
  { "企业负责人", "%s", "总经理", 'f' },
  { "个体工商户", "%s个体工商户", "经营者", 't' },
  { "专业技术人员", "江海律师事务所", "律师", '-' },
  { "社区工作者", "%s社区卫生服务站", "护士长", 'c' },
};

static void
fill_job (Gen        *g,
          const Job  *job,
          Town       *town,
          Station    *station,
          GString    *unit)
{
  const char *fill = "";

  switch (job->fill)
    {
    case 't':
      fill = town->name;
      break;
    case 'c':
      fill = station != NULL && station->community != NULL ? station->community : town->name;
      break;
    case 'f':
      fill = PICK (g, companies);
      break;
    default:
      break;
    }

  expand (unit, job->unit, fill);
}

static const char *
term_of (const char *level)
{
  if (level == NULL)
    return NULL;
  if (strcmp (level, "national") == 0 || strcmp (level, "provincial") == 0)
    return "第十四届";
  if (strcmp (level, "city") == 0)
    return "第十七届";
  if (strcmp (level, "county") == 0)
    return "第十八届";
  return "第十九届";
}

static gboolean
make_people (Gen     *g,
             GError **error)
{
  g_autoptr(LlStatement) insert = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) unit = g_string_new (NULL);
  g_autoptr(GString) phone = g_string_new (NULL);
  g_autoptr(GString) constituency = g_string_new (NULL);
  guint32 born_first = julian_of (1958, 1, 1);
  guint32 born_last = julian_of (1998, 12, 31);

  set_phase (g, _("People"));

  insert = _ll_database_prepare (g->db,
                                 "INSERT INTO people (name, gender, ethnicity, birth_date, party, "
                                 "role, level, term, constituency, unit, post, occupation, phone, "
                                 "deputy_group_id, specialty_group_id, active, archived_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                 "?14, ?15, ?16, ?17)",
                                 error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < g->options->people; i++)
    {
      Person person = { 0 };
      Town *town;
      Station *station;
      const char *gender = pick_key (g, &g->gender);
      const char *post = NULL;
      const char *occupation = NULL;
      const char *party;
      gboolean deputy;
      gint64 group = 0;
      gint64 specialty = 0;
      gboolean active = !chance (g, 0.03);
      char born[11];

      person.role = pick_key (g, &g->role);
      deputy = strcmp (person.role, "deputy") == 0;
      person.level = deputy ? pick_key (g, &g->level) : NULL;
      person.town = pick_town (g);
      town = &g_array_index (g->towns, Town, person.town);
      person.station = pick_station_in (g, town);
      station = person.station != G_MAXUINT
                  ? &g_array_index (g->stations, Station, person.station) : NULL;

      make_name (g, strcmp (gender, "female") == 0, name);
      person.name = g_strdup (name->str);
      make_mobile (g, phone);
      format_day (born_first + RAND_INT (g, 0, born_last - born_first), born);

      g_string_truncate (constituency, 0);
      g_string_truncate (unit, 0);
      if (deputy)
        {
          const Job *job = &PICK (g, deputy_jobs);

          fill_job (g, job, town, station, unit);
          post = job->post;
          occupation = job->occupation;
          if (strcmp (person.level, "township") == 0 || strcmp (person.level, "county") == 0)
            g_string_printf (constituency, "%s第%d选区", town->name, RAND_INT (g, 1, 30));
          else
            g_string_printf (constituency, "%s代表团",
                             g_array_index (g->districts, District, town->district).name);
          if (town->groups->len > 0 && chance (g, 0.95))
            group = g_array_index (town->groups, gint64,
                                   g_rand_int_range (g->rand, 0, town->groups->len));
          if (g->specialty->len > 0 && chance (g, 0.35))
            specialty = g_array_index (g->specialty, gint64,
                                       g_rand_int_range (g->rand, 0, g->specialty->len));
        }
      else if (strcmp (person.role, "police_officer") == 0)
        {
          g_string_printf (unit, "公安分局%s派出所", town->short_name);
          post = "社区民警";
          occupation = "公务员";
        }
      else if (strcmp (person.role, "judge") == 0)
        {
          g_string_printf (unit, "区人民法院%s人民法庭", town->short_name);
          post = "法官";
          occupation = "公务员";
        }
      else if (strcmp (person.role, "procurator") == 0)
        {
          g_string_assign (unit, "区人民检察院");
          post = "检察官";
          occupation = "公务员";
        }
      else if (strcmp (person.role, "judicial_assistant") == 0)
        {
          g_string_printf (unit, "%s司法所", town->name);
          post = "司法助理员";
          occupation = "公务员";
        }
      else if (strcmp (person.role, "expert") == 0)
        {
          static const char * const units[] = { "江海大学", "市委党校", "市规划设计研究院",
                                                "市社会科学院" };

          g_string_assign (unit, PICK (g, units));
          post = chance (g, 0.5) ? "教授" : "高级工程师";
          occupation = "专业技术人员";
          if (g->specialty->len > 0)
            specialty = g_array_index (g->specialty, gint64,
                                       g_rand_int_range (g->rand, 0, g->specialty->len));
        }
      else
        {
          const Job *job = &PICK (g, deputy_jobs);

          fill_job (g, job, town, station, unit);
          post = job->post;
          occupation = job->occupation;
        }

      if (chance (g, 0.62))
        party = "中共党员";
      else if (chance (g, 0.6))
        party = "群众";
      else
        party = PICK (g, parties);

      _ll_statement_bind_text (insert, 1, person.name);
      _ll_statement_bind_text (insert, 2, gender);
      _ll_statement_bind_text (insert, 3, chance (g, 0.93) ? "汉族" : PICK (g, ethnicities));
      _ll_statement_bind_text (insert, 4, born);
      _ll_statement_bind_text (insert, 5, party);
      _ll_statement_bind_text (insert, 6, person.role);
      _ll_statement_bind_text (insert, 7, person.level);
      _ll_statement_bind_text (insert, 8, deputy ? term_of (person.level)
                                                 : strcmp (person.role, "voter_representative") == 0
                                                     ? "第二届" : NULL);
      _ll_statement_bind_text (insert, 9, constituency->len > 0 ? constituency->str : NULL);
      _ll_statement_bind_text (insert, 10, unit->len > 0 ? unit->str : NULL);
      _ll_statement_bind_text (insert, 11, post);
      _ll_statement_bind_text (insert, 12, occupation);
      _ll_statement_bind_text (insert, 13, chance (g, 0.97) ? phone->str : NULL);
      bind_id (insert, 14, group);
      bind_id (insert, 15, specialty);
      _ll_statement_bind_int64 (insert, 16, active ? 1 : 0);
      if (active)
        _ll_statement_bind_null (insert, 17);
      else
        {
          char day[11];
          char archived[21];

          format_day (g->first_day + RAND_INT (g, 0, g->today - g->first_day), day);
          g_snprintf (archived, sizeof archived, "%sT03:00:00Z", day);
          _ll_statement_bind_text (insert, 17, archived);
        }

      if (!insert_row (g, insert, &person.id, error))
        return FALSE;

      if (!active)
        person.station = G_MAXUINT;

      if (person.station != G_MAXUINT)
        {
          g_array_append_val (station->members, person.id);
          if (deputy)
            g_array_append_val (station->deputies, person.id);
        }
      if (deputy && active)
        {
          g_array_append_val (town->deputies, person.id);
          g_array_append_val (g->deputies, person.id);
        }
      if (strcmp (person.role, "voter_representative") == 0 && active)
        g_array_append_val (g->voters, person.id);

      g_array_append_val (g->people, person);

      if (!advance (g, 1, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_multi_station_role (const char *role)
{
  /* 三官一员 and public-opinion observers serve several stations. */
  return strcmp (role, "police_officer") == 0 || strcmp (role, "judge") == 0 ||
         strcmp (role, "procurator") == 0 || strcmp (role, "judicial_assistant") == 0 ||
         strcmp (role, "observer") == 0;
}

/* Mixed grouping: every active person has one primary station in their
 * town, deputies of all levels side by side; each station gets a head
 * and, for homes and stations, a liaison officer; 三官一员 and observers
 * are also stationed in other stations of their town. */
static gboolean
make_memberships (Gen     *g,
                  GError **error)
{
  g_autoptr(LlStatement) insert = NULL;
  g_autoptr(GHashTable) roles = g_hash_table_new (g_int64_hash, g_int64_equal);
  char term_start[11];
  char old_from[11];
  char old_to[11];

  insert = _ll_database_prepare (g->db,
                                 "INSERT INTO memberships (person_id, station_id, station_role, "
                                 "is_primary, from_date, to_date) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                 error);
  if (insert == NULL)
    return FALSE;

  format_day (g->first_day, term_start);
  format_day (g->first_day - 3 * 365, old_from);
  format_day (g->first_day - 1, old_to);

  /* Heads are deputies; liaison officers are whoever else is there. */
  for (guint s = 0; s < g->stations->len; s++)
    {
      Station *station = &g_array_index (g->stations, Station, s);
      gint64 head = 0;

      if (station->deputies->len > 0)
        {
          head = g_array_index (station->deputies, gint64,
                                g_rand_int_range (g->rand, 0, station->deputies->len));
          g_hash_table_insert (roles, g_memdup2 (&head, sizeof head), (gpointer) "head");
        }

      if ((strcmp (station->kind, "home") == 0 || strcmp (station->kind, "station") == 0) &&
          station->members->len > 1)
        {
          for (guint attempt = 0; attempt < 8; attempt++)
            {
              gint64 officer = g_array_index (station->members, gint64,
                                              g_rand_int_range (g->rand, 0,
                                                                station->members->len));

              if (officer != head)
                {
                  g_hash_table_insert (roles, g_memdup2 (&officer, sizeof officer),
                                       (gpointer) "liaison_officer");
                  break;
                }
            }
        }
    }

  for (guint i = 0; i < g->people->len; i++)
    {
      Person *person = &g_array_index (g->people, Person, i);
      Town *town = &g_array_index (g->towns, Town, person->town);
      const char *role;
      char from[11];

      if (person->station == G_MAXUINT)
        continue;

      role = g_hash_table_lookup (roles, &person->id);
      if (role == NULL)
        role = "member";

      if (chance (g, 0.1))
        format_day (g->first_day + RAND_INT (g, 0, g->today - g->first_day), from);
      else
        memcpy (from, term_start, sizeof from);

      /* Some were stationed elsewhere in the previous term. */
      if (chance (g, 0.05) && town->stations->len > 1)
        {
          guint other = pick_station_in (g, town);

          if (other != person->station)
            {
              _ll_statement_bind_int64 (insert, 1, person->id);
              _ll_statement_bind_int64 (insert, 2, g_array_index (g->stations, Station, other).id);
              _ll_statement_bind_text (insert, 3, "member");
              _ll_statement_bind_int64 (insert, 4, 1);
              _ll_statement_bind_text (insert, 5, old_from);
              _ll_statement_bind_text (insert, 6, old_to);
              if (!insert_row (g, insert, NULL, error))
                return FALSE;
            }
        }

      _ll_statement_bind_int64 (insert, 1, person->id);
      _ll_statement_bind_int64 (insert, 2,
                                g_array_index (g->stations, Station, person->station).id);
      _ll_statement_bind_text (insert, 3, role);
      _ll_statement_bind_int64 (insert, 4, 1);
      _ll_statement_bind_text (insert, 5, from);
      _ll_statement_bind_null (insert, 6);
      if (!insert_row (g, insert, NULL, error))
        return FALSE;

      if (is_multi_station_role (person->role) && town->stations->len > 1)
        {
          guint extra = RAND_INT (g, 1, MIN (3, town->stations->len - 1));
          guint done[3] = { person->station, G_MAXUINT, G_MAXUINT };

          for (guint k = 0, attempts = 0; k < extra && attempts < 12; attempts++)
            {
              guint other = pick_station_in (g, town);
              Station *station;

              if (other == done[0] || other == done[1] || other == done[2])
                continue;

              station = &g_array_index (g->stations, Station, other);
              _ll_statement_bind_int64 (insert, 1, person->id);
              _ll_statement_bind_int64 (insert, 2, station->id);
              _ll_statement_bind_text (insert, 3, "member");
              _ll_statement_bind_int64 (insert, 4, 0);
              _ll_statement_bind_text (insert, 5, from);
              _ll_statement_bind_null (insert, 6);
              if (!insert_row (g, insert, NULL, error))
                return FALSE;
              g_array_append_val (station->members, person->id);
              k++;
              if (k < 3)
                done[k] = other;
            }
        }

      if (!advance (g, 1, FALSE, error))
        return FALSE;
    }

  /* Keys are person ids allocated above. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, roles);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_free (key);
  }

  return TRUE;
}

static gboolean
make_pairings (Gen     *g,
               GError **error)
{
  g_autoptr(LlStatement) insert = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) contact = g_string_new (NULL);
  g_autoptr(GString) address = g_string_new (NULL);

  insert = _ll_database_prepare (g->db,
                                 "INSERT INTO pairings (person_id, kind, name, contact, address, "
                                 "since) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                 error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < g->people->len; i++)
    {
      Person *person = &g_array_index (g->people, Person, i);
      Town *town = &g_array_index (g->towns, Town, person->town);
      guint n;

      if (person->level == NULL || person->station == G_MAXUINT ||
          (i >= 10 && !chance (g, 0.3)))
        continue;

      n = RAND_INT (g, 1, 2);
      for (guint k = 0; k < n; k++)
        {
          const char *kind = pick_key (g, &g->pairing_kind);
          Station *station = &g_array_index (g->stations, Station, person->station);
          const char *community = station->community != NULL ? station->community : town->name;
          char since[11];

          if (strcmp (kind, "left_behind_child") == 0)
            g_string_printf (name, "留守儿童%s%s", pick_surname (g), PICK (g, child_names));
          else if (strcmp (kind, "low_income_household") == 0)
            {
              make_name (g, chance (g, 0.5), name);
              g_string_append (name, "户");
            }
          else if (strcmp (kind, "farmer") == 0)
            {
              make_name (g, chance (g, 0.3), name);
              g_string_prepend (name, "种养殖户");
            }
          else if (strcmp (kind, "small_business") == 0)
            g_string_printf (name, "%s%s", community, chance (g, 0.5) ? "便民超市" : "早餐店");
          else if (strcmp (kind, "village") == 0)
            g_string_assign (name, community);
          else if (strcmp (kind, "school") == 0)
            g_string_printf (name, "%s中心小学", town->short_name);
          else if (strcmp (kind, "hospital") == 0)
            g_string_printf (name, "%s卫生院", town->short_name);
          else if (strcmp (kind, "former_deputy") == 0)
            {
              make_name (g, chance (g, 0.3), name);
              g_string_prepend (name, "老代表");
            }
          else
            {
              make_name (g, chance (g, 0.5), name);
              g_string_append (name, "（困境家庭）");
            }

          make_mobile (g, contact);
          g_string_printf (address, "%s%s%d号", community, PICK (g, streets), RAND_INT (g, 1, 200));
          format_day (g->first_day + RAND_INT (g, 0, MIN (200, g->today - g->first_day)), since);

          _ll_statement_bind_int64 (insert, 1, person->id);
          _ll_statement_bind_text (insert, 2, kind);
          _ll_statement_bind_text (insert, 3, name->str);
          _ll_statement_bind_text (insert, 4, contact->str);
          _ll_statement_bind_text (insert, 5, address->str);
          _ll_statement_bind_text (insert, 6, since);
          if (!insert_row (g, insert, NULL, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Point rules and adjustments ---------------------------------------------- */

/* The rules are the application's defaults (ll-points), installed for
 * every year, as an office starts from them; a few deputies a year are
 * commended (表彰) or lose points (扣分). */
static gboolean
make_points (Gen     *g,
             GError **error)
{
  static const char * const commendations[] = {
    "受到市人大常委会表彰", "被评为优秀人大代表", "履职事迹被市级媒体报道",
  };
  static const char * const deductions[] = {
    "无故缺席代表小组活动两次", "未按要求参加接待选民活动",
  };

  for (int year = g->first_year; year <= g->last_year; year++)
    {
      guint n;

      if (!ll_points_ensure_rules (g->db, year, NULL, error))
        return FALSE;

      n = g->deputies->len / 40;
      for (guint i = 0; i < n; i++)
        {
          gint64 person = random_deputy (g);
          guint32 day = julian_of (year, RAND_INT (g, 1, 12), RAND_INT (g, 1, 28));
          gboolean commended = i % 4 != 3;
          char day_text[11];

          if (day > g->today)
            continue;
          format_day (day, day_text);

          if (!ll_points_add_adjustment (g->db, person, day_text,
                                         commended ? LL_POINTS_ITEM_COMMENDATION
                                                   : LL_POINTS_ITEM_DEDUCTION,
                                         commended ? 5 : -3,
                                         commended ? PICK (g, commendations)
                                                   : PICK (g, deductions),
                                         NULL, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Cases --------------------------------------------------------------------- */


/* Whether the text reads well after a residential compound's name. */
static gboolean
template_at_home (const CaseTemplate *template)
{
  static const char * const keys[] = {
    "urban_construction", "environment", "property_management", "public_security",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strcmp (template->key, keys[i]) == 0)
      return TRUE;

  return FALSE;
}

static const char *
follow_up_for (const char *satisfaction)
{
  int position = ll_enum_find (LL_ENUM_SATISFACTION, satisfaction);

  return position >= 0 ? follow_ups[position % G_N_ELEMENTS (follow_ups)] : NULL;
}

static guint
category_info_index (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (category_info); i++)
    if (strcmp (category_info[i].key, key) == 0)
      return i;

  return G_N_ELEMENTS (category_info) - 1;
}

static const char *
pick_department (Gen        *g,
                 const char *category)
{
  const CategoryInfo *info = &category_info[category_info_index (category)];
  guint n = 0;

  while (n < G_N_ELEMENTS (info->departments) && info->departments[n] != NULL)
    n++;

  return info->departments[g_rand_int_range (g->rand, 0, n)];
}

/* A station that receives cases: any active one, the busier kinds more
 * often. */
static guint
pick_case_station (Gen *g)
{
  for (guint attempt = 0; attempt < 32; attempt++)
    {
      guint index = g_rand_int_range (g->rand, 0, g->stations->len);
      Station *station = &g_array_index (g->stations, Station, index);

      if (!station->active)
        continue;
      if (station->weight >= 2 || chance (g, 0.4))
        return index;
    }

  for (guint index = 0; index < g->stations->len; index++)
    if (g_array_index (g->stations, Station, index).active)
      return index;

  return 0;
}

/* Where an activity is held: not on the online station. */
static guint
pick_activity_station (Gen *g)
{
  guint index = 0;

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      index = pick_case_station (g);
      if (strcmp (g_array_index (g->stations, Station, index).kind, "online") != 0)
        break;
    }

  return index;
}

/* The status a case of that age has reached. */
static const char *
status_for_age (Gen     *g,
                guint32  age)
{
  double u = g_rand_double (g->rand);

  if (age < 3)
    return u < 0.55 ? "registered" : u < 0.85 ? "assigned" : u < 0.95 ? "in_progress" : "replied";
  if (age < 30)
    return u < 0.08 ? "registered" : u < 0.3 ? "assigned" : u < 0.55 ? "in_progress"
           : u < 0.8 ? "replied" : "closed";
  if (age < 90)
    return u < 0.02 ? "registered" : u < 0.08 ? "assigned" : u < 0.2 ? "in_progress"
           : u < 0.35 ? "replied" : "closed";

  return u < 0.005 ? "assigned" : u < 0.012 ? "in_progress" : u < 0.04 ? "replied" : "closed";
}

static int
status_rank (const char *status)
{
  return ll_enum_find (LL_ENUM_CASE_STATUS, status);
}

static void
add_event (Event      *events,
           guint      *n,
           guint32     day,
           const char *kind,
           const char *from,
           const char *to,
           char       *detail)
{
  g_assert (*n < G_N_ELEMENTS (((CaseDraft *) NULL)->events));
  events[*n].day = day;
  events[*n].kind = kind;
  events[*n].from = from;
  events[*n].to = to;
  events[*n].detail = detail;
  (*n)++;
}

/* Producer thread: every case, its receiving deputies and its history. */
static gboolean
produce_cases (Gen      *g,
               gpointer  producer)
{
  Producer *p = producer;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) constituent = g_string_new (NULL);
  g_autoptr(GString) phone = g_string_new (NULL);
  g_autoptr(GString) address = g_string_new (NULL);
  g_autoptr(GString) reply = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GPtrArray) commons = g_ptr_array_new_with_free_func (open_common_free);
  guint n = g->options->cases;
  guint32 span = g->today - g->first_day + 1;
  guint next_category = 0;
  gint64 case_id = g->next_case_id;

  for (guint i = 0; i < n; i++)
    {
      /* Received dates rise with the id; more cases in later years, as
       * stations got busier. */
      double x = (i + 0.5) / n;
      guint32 received = g->first_day + MIN ((guint32) (span * pow (x, 0.8)), span - 1);
      guint32 age = g->today - received;
      int year = day_year (received);
      int seq = GPOINTER_TO_INT (g_hash_table_lookup (g->next_seq, GINT_TO_POINTER (year)));
      guint station_index = pick_case_station (g);
      Station *station = &g_array_index (g->stations, Station, station_index);
      Town *town = &g_array_index (g->towns, Town, station->town);
      const char *community = station->community != NULL ? station->community : town->name;
      const CaseTemplate *template;
      const CategoryInfo *info;
      const char *source;
      const char *status;
      const char *mode = NULL;
      const char *satisfaction = NULL;
      const char *department = NULL;
      const char *user = PICK (g, staff_users);
      const char *host = PICK (g, staff_hosts);
      gint64 department_row = 0;
      gboolean fast = chance (g, 0.03);
      gboolean common = FALSE;
      gboolean look_back = FALSE;
      OpenCommon *merge_into = NULL;
      guint32 assigned = 0, deadline = 0, replied = 0, closed = 0;
      char serial[16], day_text[11], assigned_text[11], deadline_text[11];
      char replied_text[11], closed_text[11], at[21];
      CaseDraft draft;
      guint t;
      Rows *rows;

      draft.n_events = 0;

      if (seq == 0)
        seq = 1;
      g_hash_table_insert (g->next_seq, GINT_TO_POINTER (year), GINT_TO_POINTER (seq + 1));
      g_snprintf (serial, sizeof serial, "%04d-%04d", year, seq);
      format_day (received, day_text);

      /* The first cases cover every category, then by chance. */
      if (next_category < G_N_ELEMENTS (category_info))
        {
          const char *key = category_info[next_category++].key;

          for (t = 0; strcmp (case_templates[t].key, key) != 0; t++)
            ;
        }
      else
        t = g_rand_int_range (g->rand, 0, G_N_ELEMENTS (case_templates));
      template = &case_templates[t];
      info = &category_info[category_info_index (template->key)];

      source = pick_key (g, &g->source);
      if (strcmp (station->kind, "online") == 0)
        source = chance (g, 0.6) ? "wechat" : "photo_report";
      else if (strcmp (station->kind, "legislative_point") == 0 && chance (g, 0.5))
        source = "legislative_consultation";

      /* Title and text. */
      {
        const char *compound = PICK (g, compounds);
        const char *opener = PICK (g, openers);
        const char *place = template_at_home (template) ? compound : community;

        switch (g_rand_int_range (g->rand, 0, 4))
          {
          case 0:
            g_string_printf (title, "%s%s", place, template->core);
            break;
          case 1:
            g_string_printf (title, "关于%s问题的反映", template->core);
            break;
          case 2:
            g_string_printf (title, "%s%s", community, template->core);
            break;
          default:
            g_string_printf (title, "建议解决%s%s问题", place, template->core);
            break;
          }

        /* “%s居民反映” wants the community, “%s先生反映” a surname. */
        expand (body, opener, g_str_has_prefix (opener, "%s居民") ? community : pick_surname (g));
        if (template_at_home (template))
          g_string_append (body, compound);
        g_string_append_printf (body, "%s，%s", template->detail, PICK (g, requests));
      }

      if (chance (g, 0.85))
        {
          make_name (g, chance (g, 0.5), constituent);
          make_mobile (g, phone);
        }
      else
        {
          g_string_truncate (constituent, 0);
          g_string_truncate (phone, 0);
        }
      if (chance (g, 0.5))
        g_string_printf (address, "%s%s%d栋%d单元", community, PICK (g, compounds),
                         RAND_INT (g, 1, 30), RAND_INT (g, 1, 4));
      else
        g_string_truncate (address, 0);

      /* Common issues (共性问题) collect later cases of the same kind. */
      for (guint k = 0; k < commons->len; k++)
        {
          OpenCommon *open = g_ptr_array_index (commons, k);

          if (open->until < received || open->left == 0)
            {
              g_ptr_array_remove_index (commons, k);
              k--;
              continue;
            }
          if (merge_into == NULL && open->category == category_info_index (template->key) &&
              chance (g, 0.5))
            merge_into = open;
        }
      if (merge_into == NULL && i + 5 < n && (chance (g, 0.01) || i == n / 2))
        common = TRUE;

      /* Where the case has got to. The most recent cases cover every
       * status. */
      if (i + 5 >= n && n >= 5)
        status = ll_enum_get_key (LL_ENUM_CASE_STATUS, n - 1 - i);
      else
        status = status_for_age (g, age);

      if (status_rank (status) >= status_rank ("assigned"))
        {
          mode = pick_key (g, &g->mode);
          /* Answered on the spot means answered at once. */
          if (strcmp (mode, "on_the_spot") == 0 &&
              status_rank (status) < status_rank ("replied"))
            mode = "department";
        }

      json_begin (json);
      json_string (json, "serial", serial);
      add_event (draft.events, &draft.n_events, received, "registered", NULL, "registered",
                 json_end (json));

      if (merge_into != NULL)
        {
          json_begin (json);
          json_int (json, "into_id", merge_into->id);
          json_string (json, "into_serial", merge_into->serial);
          json_bool (json, "made_common", FALSE);
          add_event (draft.events, &draft.n_events, received, "merge", NULL, NULL,
                     json_end (json));
        }

      if (mode != NULL)
        {
          guint period = fast ? 7 : strcmp (mode, "escalated") == 0 ? 60
                                    : RAND_INT (g, 0, 1) ? 15 : 30;
          const char *current = "assigned";
          gboolean reopened;

          if (strcmp (mode, "on_the_spot") == 0)
            {
              assigned = received;
              deadline = 0;
            }
          else
            {
              assigned = clamp_day (g, received + (fast ? 0 : RAND_INT (g, 0, 2)));
              deadline = assigned + period;
              if (strcmp (mode, "department") == 0)
                department = pick_department (g, template->key);
              else if (strcmp (mode, "subdistrict") == 0)
                department = town->office_name;
            }
          if (department != NULL)
            department_row = department_id (g, department);

          format_day (assigned, assigned_text);
          if (deadline > 0)
            format_day (deadline, deadline_text);
          json_begin (json);
          json_string (json, "handling_mode", mode);
          if (department_row > 0)
            {
              json_int (json, "department_id", department_row);
              json_string (json, "department", department);
            }
          json_string (json, "assigned_on", assigned_text);
          json_string (json, "deadline", deadline > 0 ? deadline_text : NULL);
          add_event (draft.events, &draft.n_events, assigned, "assign", "registered", "assigned",
                     json_end (json));

          /* A dissatisfied constituent had the case handed over again. */
          reopened = age > 60 && strcmp (mode, "on_the_spot") != 0 &&
                     status_rank (status) != status_rank ("replied") && chance (g, 0.04);
          if (reopened)
            {
              guint32 r1 = clamp_day (g, assigned + RAND_INT (g, 2, 10));
              guint32 c1 = clamp_day (g, r1 + RAND_INT (g, 1, 5));
              guint32 again = clamp_day (g, c1 + RAND_INT (g, 1, 5));
              char day[11];

              format_day (r1, day);
              json_begin (json);
              json_string (json, "replied_on", day);
              json_string (json, "reply_text", "已转相关部门研究处理。");
              add_event (draft.events, &draft.n_events, r1, "reply", "assigned", "replied",
                         json_end (json));

              format_day (c1, day);
              json_begin (json);
              json_string (json, "satisfaction", "dissatisfied");
              json_string (json, "closed_on", day);
              json_string (json, "follow_up_note", follow_ups[2]);
              add_event (draft.events, &draft.n_events, c1, "close", "replied", "closed",
                         json_end (json));

              assigned = again;
              deadline = again + MAX (period, 7);
              format_day (assigned, assigned_text);
              format_day (deadline, deadline_text);
              json_begin (json);
              json_string (json, "handling_mode", mode);
              if (department_row > 0)
                {
                  json_int (json, "department_id", department_row);
                  json_string (json, "department", department);
                }
              json_string (json, "assigned_on", assigned_text);
              json_string (json, "deadline", deadline_text);
              json_string (json, "previous_satisfaction", "dissatisfied");
              add_event (draft.events, &draft.n_events, again, "reopen", "closed", "assigned",
                         json_end (json));
            }

          if (status_rank (status) >= status_rank ("in_progress") &&
              strcmp (mode, "on_the_spot") != 0 &&
              (strcmp (status, "in_progress") == 0 || chance (g, 0.3)))
            {
              add_event (draft.events, &draft.n_events,
                         clamp_day (g, assigned + RAND_INT (g, 1, 3)), "start", "assigned",
                         "in_progress", NULL);
              current = "in_progress";
            }

          if (status_rank (status) >= status_rank ("replied"))
            {
              const char *action = info->actions[g_rand_int_range (g->rand, 0, 3)];

              if (strcmp (mode, "on_the_spot") == 0)
                replied = received;
              else
                replied = clamp_day (g, assigned + RAND_INT (g, 2, period + 5));
              /* Never before the event it follows. */
              replied = MAX (replied, draft.events[draft.n_events - 1].day);
              format_day (replied, replied_text);

              if (strcmp (mode, "on_the_spot") == 0)
                g_string_printf (reply, "代表现场答复：%s。", action);
              else if (department != NULL && strcmp (mode, "department") == 0)
                g_string_printf (reply, "经%s核实，%s。", department, action);
              else if (strcmp (mode, "subdistrict") == 0)
                g_string_printf (reply, "经%s协调，%s。", town->name, action);
              else
                g_string_printf (reply, "已报区人大常委会代表工委协调，%s。", action);

              json_begin (json);
              json_string (json, "replied_on", replied_text);
              json_string (json, "reply_text", reply->str);
              add_event (draft.events, &draft.n_events, replied, "reply", current, "replied",
                         json_end (json));
            }

          if (strcmp (status, "closed") == 0)
            {
              satisfaction = pick_key (g, &g->satisfaction);
              closed = clamp_day (g, replied + RAND_INT (g, 1, 7));
              format_day (closed, closed_text);
              json_begin (json);
              json_string (json, "satisfaction", satisfaction);
              json_string (json, "closed_on", closed_text);
              json_string (json, "follow_up_note", follow_up_for (satisfaction));
              add_event (draft.events, &draft.n_events, closed, "close", "replied", "closed",
                         json_end (json));

              look_back = chance (g, 0.02);
              if (look_back)
                {
                  json_begin (json);
                  json_bool (json, "look_back", TRUE);
                  add_event (draft.events, &draft.n_events,
                             clamp_day (g, closed + RAND_INT (g, 30, 90)), "look_back", NULL,
                             NULL, json_end (json));
                }
            }
        }

      rows = producer_rows (p, 0);
      rows_int (rows, case_id);
      rows_int (rows, year);
      rows_int (rows, seq);
      rows_text (rows, serial);
      rows_text (rows, title->str);
      rows_text (rows, body->str);
      rows_text (rows, day_text);
      rows_text (rows, source);
      rows_int (rows, station->id);
      rows_text (rows, constituent->len > 0 ? constituent->str : NULL);
      rows_text (rows, phone->len > 0 ? phone->str : NULL);
      rows_text (rows, address->len > 0 ? address->str : NULL);
      rows_text (rows, template->key);
      rows_int (rows, common ? 1 : 0);
      rows_id (rows, merge_into != NULL ? merge_into->id : 0);
      rows_int (rows, fast ? 1 : 0);
      rows_text (rows, status);
      rows_text (rows, mode);
      rows_id (rows, department_row);
      rows_text (rows, mode != NULL ? assigned_text : NULL);
      rows_text (rows, mode != NULL && deadline > 0 ? deadline_text : NULL);
      rows_text (rows, replied > 0 ? reply->str : NULL);
      rows_text (rows, replied > 0 ? replied_text : NULL);
      rows_text (rows, satisfaction);
      rows_text (rows, follow_up_for (satisfaction));
      rows_text (rows, closed > 0 ? closed_text : NULL);
      rows_int (rows, look_back ? 1 : 0);
      rows_end (rows);

      if (common)
        {
          OpenCommon *open = g_new0 (OpenCommon, 1);

          open->id = case_id;
          open->serial = g_strdup (serial);
          open->category = category_info_index (template->key);
          open->until = received + 30;
          open->left = RAND_INT (g, 2, 5);
          g_ptr_array_add (commons, open);
        }

      /* Receiving deputies: one or two of the station's. */
      if (station->deputies->len > 0 && strcmp (station->kind, "online") != 0)
        {
          guint n_deputies = station->deputies->len;
          guint first = g_rand_int_range (g->rand, 0, n_deputies);

          rows = producer_rows (p, 1);
          rows_int (rows, case_id);
          rows_int (rows, g_array_index (station->deputies, gint64, first));
          rows_end (rows);
          if (n_deputies > 1 && chance (g, 0.15))
            {
              guint second = (first + 1 + g_rand_int_range (g->rand, 0, n_deputies - 1)) %
                             n_deputies;

              rows_int (rows, case_id);
              rows_int (rows, g_array_index (station->deputies, gint64, second));
              rows_end (rows);
            }
        }

      rows = producer_rows (p, 2);
      for (guint e = 0; e < draft.n_events; e++)
        {
          format_time (g, draft.events[e].day, 1 + e, at);
          rows_int (rows, case_id);
          rows_text (rows, at);
          rows_text (rows, user);
          rows_text (rows, host);
          rows_text (rows, draft.events[e].kind);
          rows_text (rows, draft.events[e].from);
          rows_text (rows, draft.events[e].to);
          rows_text (rows, draft.events[e].detail);
          rows_end (rows);
          g_clear_pointer (&draft.events[e].detail, g_free);
        }

      /* The common issue's own history says what was merged into it. */
      if (merge_into != NULL)
        {
          format_time (g, received, 9, at);
          json_begin (json);
          json_int (json, "case_id", case_id);
          json_string (json, "serial", serial);
          json_bool (json, "made_common", FALSE);
          rows_int (rows, merge_into->id);
          rows_text (rows, at);
          rows_text (rows, user);
          rows_text (rows, host);
          rows_text (rows, "merged_in");
          rows_text (rows, NULL);
          rows_text (rows, NULL);
          g_string_append_c (json, '}');
          rows_text (rows, json->str);
          rows_end (rows);
          merge_into->left--;
        }

      case_id++;
      if (!producer_next (p, 5))
        return FALSE;
    }

  return TRUE;
}

static gboolean
make_cases (Gen     *g,
            GError **error)
{
  g_autoptr(Batch) cases = NULL;
  g_autoptr(Batch) deputies = NULL;
  g_autoptr(Batch) events = NULL;
  g_autoptr(LlStatement) seqs = NULL;
  Batch *batches[3];
  LlStep step;

  set_phase (g, _("Cases"));

  cases = batch_new (g, "cases",
                     "id, year, seq, serial, title, body, received_on, source, station_id, "
                     "constituent_name, constituent_phone, constituent_address, category, "
                     "is_common, merged_into_id, fast_track, status, handling_mode, "
                     "department_id, assigned_on, deadline, reply_text, replied_on, "
                     "satisfaction, follow_up_note, closed_on, look_back",
                     TRUE, error);
  if (cases == NULL)
    return FALSE;
  deputies = batch_new (g, "case_deputies", "case_id, person_id", TRUE, error);
  if (deputies == NULL)
    return FALSE;
  events = batch_new (g, "case_events",
                      "case_id, at, user, host, kind, from_status, to_status, detail",
                      FALSE, error);
  if (events == NULL)
    return FALSE;

  if (!next_id (g, "cases", &g->next_case_id, error))
    return FALSE;

  /* Serials continue where the file's own left off (force). */
  seqs = _ll_database_prepare (g->db, "SELECT year, max (seq) FROM cases GROUP BY year", error);
  if (seqs == NULL)
    return FALSE;
  while ((step = _ll_statement_step (seqs, error)) == LL_STEP_ROW)
    g_hash_table_insert (g->next_seq,
                         GINT_TO_POINTER (sqlite3_column_int (seqs->stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (seqs->stmt, 1) + 1));
  if (step == LL_STEP_ERROR)
    return FALSE;

  batches[0] = cases;
  batches[1] = deputies;
  batches[2] = events;

  return produce_and_write (g, produce_cases, batches, 3, g->side, error);
}

/* Activities ---------------------------------------------------------------- */

/* Producer thread: every activity and who took part. */
static gboolean
produce_activities (Gen      *g,
                    gpointer  producer)
{
  Producer *p = producer;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = g->options->activities;
  guint32 span = g->today - g->first_day + 1;
  gint64 activity_id = g->next_activity_id;

  for (guint i = 0; i < n; i++)
    {
      double x = (i + 0.5) / n;
      guint32 held = g->first_day + MIN ((guint32) (span * pow (x, 0.85)), span - 1);
      const char *type = pick_key (g, &g->activity_type);
      guint station_index = pick_activity_station (g);
      Station *station = &g_array_index (g->stations, Station, station_index);
      Town *town = &g_array_index (g->towns, Town, station->town);
      const char *community = station->community != NULL ? station->community : town->name;
      const char *subtype = NULL;
      GArray *pool = station->deputies;
      guint received = 0, collected = 0;
      guint min_people = 2, max_people = 5;
      char held_text[11];
      GDate date;
      Rows *rows;

      /* Receptions are held on the station's reception days. */
      g_date_clear (&date, 1);
      g_date_set_julian (&date, held);
      if (strcmp (type, "reception") == 0 && station->n_days > 0)
        {
          guint day = station->days[g_rand_int_range (g->rand, 0, station->n_days)];

          if (day <= g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)))
            {
              GDate moved = date;

              g_date_set_day (&moved, day);
              if (g_date_get_julian (&moved) <= g->today)
                date = moved;
            }
        }
      held = g_date_get_julian (&date);
      format_day (held, held_text);

      if (strcmp (type, "reception") == 0)
        {
          g_string_printf (title, "%s%d月接待选民活动", station->name, g_date_get_month (&date));
          received = RAND_INT (g, 5, 40);
          collected = RAND_INT (g, 1, MAX (1, received / 3));
          if (chance (g, 0.2))
            subtype = PICK (g, six_invites);
          g_string_printf (summary, "共接待群众%u人次，收集意见建议%u条，现场答复%u条，"
                           "其余已登记交办。", received, collected, collected / 2);
        }
      else if (strcmp (type, "visit") == 0)
        {
          g_string_printf (title, "走访%s%s", community, PICK (g, visit_targets));
          received = RAND_INT (g, 1, 12);
          collected = RAND_INT (g, 0, 5);
          subtype = chance (g, 0.5) ? PICK (g, six_visits) : NULL;
          g_string_printf (summary, "走访群众%u户，收集意见建议%u条。", received, collected);
        }
      else
        {
          if (strcmp (type, "research") == 0)
            g_string_printf (title, "关于%s的专题调研", PICK (g, research_topics));
          else if (strcmp (type, "inspection") == 0)
            g_string_printf (title, "视察%s", PICK (g, inspection_targets));
          else if (strcmp (type, "law_enforcement_check") == 0)
            g_string_printf (title, "《%s》执法检查", PICK (g, laws));
          else if (strcmp (type, "training") == 0)
            g_string_printf (title, "%d年度代表履职能力提升培训班", g_date_get_year (&date));
          else if (strcmp (type, "group_activity") == 0)
            g_string_printf (title, "%s代表小组集中活动", town->name);
          else if (strcmp (type, "report_to_voters") == 0)
            g_string_printf (title, "%s代表向选民述职评议会", station->name);
          else if (strcmp (type, "attend_meeting") == 0)
            g_string_printf (title, "列席区人大常委会第%d次会议", RAND_INT (g, 1, 40));
          else if (strcmp (type, "legislative_consultation") == 0)
            g_string_printf (title, "《%s（草案）》立法意见征集座谈会", PICK (g, regulations));
          else if (strcmp (type, "work_evaluation") == 0)
            g_string_printf (title, "对%s开展工作评议", PICK (g, department_names).name);
          else if (strcmp (type, "project_supervision") == 0)
            g_string_printf (title, "%s民生实事项目监督", PICK (g, projects));
          else if (strcmp (type, "congress_session") == 0)
            g_string_printf (title, "出席区第十八届人民代表大会第%s次会议",
                             chinese_numbers[g_date_get_year (&date) % 5]);
          else
            g_string_printf (title, "%s走访慰问困难群众", community);

          if (strcmp (type, "inspection") == 0 || strcmp (type, "research") == 0)
            subtype = chance (g, 0.4) ? PICK (g, six_visits) : NULL;

          collected = strcmp (type, "legislative_consultation") == 0 ? RAND_INT (g, 5, 30)
                                                                      : RAND_INT (g, 0, 6);
          if (strcmp (type, "training") == 0 || strcmp (type, "congress_session") == 0 ||
              strcmp (type, "attend_meeting") == 0 || strcmp (type, "group_activity") == 0)
            {
              pool = town->deputies;
              min_people = 5;
              max_people = 15;
            }
          g_string_printf (summary, "代表参加活动，提出意见建议%u条。", collected);
        }

      if (pool->len == 0)
        pool = town->deputies;

      rows = producer_rows (p, 0);
      rows_int (rows, activity_id);
      rows_text (rows, held_text);
      rows_text (rows, type);
      rows_text (rows, subtype);
      rows_int (rows, station->id);
      rows_text (rows, title->str);
      rows_text (rows, station->address);
      rows_int (rows, received);
      rows_int (rows, collected);
      rows_text (rows, summary->str);
      rows_end (rows);

      if (pool->len > 0)
        {
          guint k = RAND_INT (g, MIN (min_people, pool->len), MIN (max_people, pool->len));

          /* k different people: a partial shuffle of the pool's positions. */
          g_array_set_size (chosen, pool->len);
          for (guint j = 0; j < pool->len; j++)
            g_array_index (chosen, guint, j) = j;

          rows = producer_rows (p, 1);
          for (guint j = 0; j < k; j++)
            {
              guint other = g_rand_int_range (g->rand, j, pool->len);
              guint swap = g_array_index (chosen, guint, j);

              g_array_index (chosen, guint, j) = g_array_index (chosen, guint, other);
              g_array_index (chosen, guint, other) = swap;

              rows_int (rows, activity_id);
              rows_int (rows, g_array_index (pool, gint64, g_array_index (chosen, guint, j)));
              rows_text (rows, pick_key (g, &g->attendance));
              rows_end (rows);
            }
        }

      activity_id++;
      if (!producer_next (p, 5))
        return FALSE;
    }

  return TRUE;
}

static gboolean
make_activities (Gen     *g,
                 GError **error)
{
  g_autoptr(Batch) activities = NULL;
  g_autoptr(Batch) participants = NULL;
  Batch *batches[2];

  set_phase (g, _("Activities"));

  activities = batch_new (g, "activities",
                          "id, held_on, type, subtype, station_id, title, location, "
                          "people_received, opinions_collected, summary",
                          TRUE, error);
  if (activities == NULL)
    return FALSE;
  participants = batch_new (g, "activity_participants", "activity_id, person_id, attendance",
                            TRUE, error);
  if (participants == NULL)
    return FALSE;

  if (!next_id (g, "activities", &g->next_activity_id, error))
    return FALSE;

  batches[0] = activities;
  batches[1] = participants;

  return produce_and_write (g, produce_activities, batches, 2, NULL, error);
}

/* Suggestions, projects, consultations --------------------------------------- */

static gboolean
make_suggestions (Gen     *g,
                  GError **error)
{
  g_autoptr(LlStatement) insert = NULL;
  g_autoptr(LlStatement) author = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  guint per_year;

  if (g->deputies->len == 0)
    return TRUE;

  set_phase (g, _("Suggestions"));

  insert = _ll_database_prepare (g->db,
                                 "INSERT INTO suggestions (year, session, kind, number, title, "
                                 "body, "
                                 "lead_person_id, department_id, submitted_on, answered_on, "
                                 "answer_class, satisfaction, look_back) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                 error);
  author = _ll_database_prepare (g->db,
                                 "INSERT OR IGNORE INTO suggestion_authors (suggestion_id, "
                                 "person_id) VALUES (?1, ?2)",
                                 error);
  if (insert == NULL || author == NULL)
    return FALSE;

  per_year = CLAMP (g->deputies->len / 40, 3, 2000);

  for (int year = g->first_year; year <= g->last_year; year++)
    {
      guint32 session_day = julian_of (year, 1, 10);
      g_autofree char *session = g_strdup_printf ("区第十八届人民代表大会第%s次会议",
                                                  chinese_numbers[(year + 1) % 5]);

      if (session_day > g->today)
        continue;

      for (guint i = 0; i < per_year; i++)
        {
          const CaseTemplate *template = &PICK (g, case_templates);
          gboolean motion = chance (g, 0.08);
          gint64 lead = random_deputy (g);
          guint32 submitted = session_day + RAND_INT (g, 0, 5);
          guint32 answered = submitted + RAND_INT (g, 60, 100);
          gboolean has_answer = answered <= g->today;
          g_autofree char *number = g_strdup_printf ("第%u号", i + 1);
          const char *class = has_answer ? pick_key (g, &g->suggestion_class) : NULL;
          char submitted_text[11], answered_text[11];
          gint64 id;

          format_day (submitted, submitted_text);
          format_day (answered, answered_text);
          if (motion)
            g_string_printf (title, "关于制定%s的议案", PICK (g, regulations));
          else
            g_string_printf (title, "关于加快解决%s问题的建议", template->core);
          g_string_printf (body, "在走访选民中了解到，%s。建议%s牵头，统筹资金和力量，"
                           "制定切实可行的工作方案，尽快解决群众关心的问题。",
                           template->detail, pick_department (g, template->key));

          _ll_statement_bind_int64 (insert, 1, year);
          _ll_statement_bind_text (insert, 2, session);
          _ll_statement_bind_text (insert, 3, motion ? "motion" : "suggestion");
          _ll_statement_bind_text (insert, 4, number);
          _ll_statement_bind_text (insert, 5, title->str);
          _ll_statement_bind_text (insert, 6, body->str);
          _ll_statement_bind_int64 (insert, 7, lead);
          bind_id (insert, 8, department_id (g, pick_department (g, template->key)));
          _ll_statement_bind_text (insert, 9, submitted_text);
          _ll_statement_bind_text (insert, 10, has_answer ? answered_text : NULL);
          _ll_statement_bind_text (insert, 11, class);
          _ll_statement_bind_text (insert, 12, has_answer ? pick_key (g, &g->satisfaction) : NULL);
          _ll_statement_bind_int64 (insert, 13, has_answer && chance (g, 0.05) ? 1 : 0);
          if (!insert_row (g, insert, &id, error))
            return FALSE;

          for (guint k = 0, extra = RAND_INT (g, 0, 3); k <= extra; k++)
            {
              _ll_statement_bind_int64 (author, 1, id);
              _ll_statement_bind_int64 (author, 2,
                                        k == 0 ? lead
                                               : random_deputy (g));
              if (!insert_row (g, author, NULL, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
make_projects (Gen     *g,
               GError **error)
{
  g_autoptr(LlStatement) project = NULL;
  g_autoptr(LlStatement) vote = NULL;
  g_autoptr(LlStatement) supervisor = NULL;
  g_autoptr(LlStatement) progress = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  project = _ll_database_prepare (g->db,
                                  "INSERT INTO projects (year, title, description, department_id, "
                                  "status) VALUES (?1, ?2, ?3, ?4, ?5)",
                                  error);
  vote = _ll_database_prepare (g->db,
                               "INSERT OR IGNORE INTO project_votes (project_id, person_id, vote) "
                               "VALUES (?1, ?2, ?3)",
                               error);
  supervisor = _ll_database_prepare (g->db,
                                     "INSERT OR IGNORE INTO project_supervisors (project_id, "
                                     "person_id) VALUES (?1, ?2)",
                                     error);
  progress = _ll_database_prepare (g->db,
                                   "INSERT INTO project_progress (project_id, quarter, "
                                   "reported_on, report) VALUES (?1, ?2, ?3, ?4)",
                                   error);
  if (project == NULL || vote == NULL || supervisor == NULL || progress == NULL)
    return FALSE;

  for (int year = g->first_year; year <= g->last_year; year++)
    {
      guint n = MIN (8, G_N_ELEMENTS (projects));
      guint voters = MIN (g->voters->len, 120);
      guint offset = g_rand_int_range (g->rand, 0, G_N_ELEMENTS (projects));

      for (guint i = 0; i < n; i++)
        {
          const char *name = projects[(offset + i) % G_N_ELEMENTS (projects)];
          gboolean selected = i < 5;
          const char *status;
          guint32 start = julian_of (year, 3, 1);
          gint64 id;

          if (!selected)
            status = "not_selected";
          else if (start > g->today)
            status = "selected";
          else if (year < g->last_year)
            status = "completed";
          else
            status = "in_progress";
          if (julian_of (year, 2, 1) > g->today)
            status = "candidate";

          g_string_printf (text, "%d年%s：计划投入资金%d万元，年底前完成。", year, name,
                           RAND_INT (g, 50, 800));
          _ll_statement_bind_int64 (project, 1, year);
          _ll_statement_bind_text (project, 2, name);
          _ll_statement_bind_text (project, 3, text->str);
          bind_id (project, 4,
                   department_id (g,
                                  department_names[i % G_N_ELEMENTS (department_names)].name));
          _ll_statement_bind_text (project, 5, status);
          if (!insert_row (g, project, &id, error))
            return FALSE;

          if (strcmp (status, "candidate") == 0)
            continue;

          for (guint v = 0; v < voters; v++)
            {
              _ll_statement_bind_int64 (vote, 1, id);
              _ll_statement_bind_int64 (vote, 2, g_array_index (g->voters, gint64, v));
              /* Selected projects were mostly voted for. */
              _ll_statement_bind_text (vote, 3,
                                       v >= 3 && selected && chance (g, 0.85)
                                         ? "for" : pick_key (g, &g->vote));
              if (!insert_row (g, vote, NULL, error))
                return FALSE;
            }

          if (!selected || g->deputies->len == 0)
            continue;

          for (guint k = 0; k < 3; k++)
            {
              _ll_statement_bind_int64 (supervisor, 1, id);
              _ll_statement_bind_int64 (supervisor, 2,
                                        random_deputy (g));
              if (!insert_row (g, supervisor, NULL, error))
                return FALSE;
            }

          for (int q = 1; q <= 4; q++)
            {
              guint32 reported = julian_of (year, q * 3, 25);
              char reported_text[11];

              if (reported > g->today)
                break;
              format_day (reported, reported_text);
              g_string_printf (text, "第%s季度：完成年度计划的%d%%，代表监督组现场查看进度。",
                               chinese_numbers[q - 1], MIN (100, q * 25 + RAND_INT (g, -5, 5)));
              _ll_statement_bind_int64 (progress, 1, id);
              _ll_statement_bind_int64 (progress, 2, q);
              _ll_statement_bind_text (progress, 3, reported_text);
              _ll_statement_bind_text (progress, 4, text->str);
              if (!insert_row (g, progress, NULL, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
make_consultations (Gen     *g,
                    GError **error)
{
  g_autoptr(LlStatement) consultation = NULL;
  g_autoptr(LlStatement) opinion = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint s = 0; s < g->stations->len; s++)
    if (strcmp (g_array_index (g->stations, Station, s).kind, "legislative_point") == 0)
      g_array_append_val (points, s);
  if (points->len == 0)
    return TRUE;

  consultation = _ll_database_prepare (g->db,
                                       "INSERT INTO consultations (title, draft, station_id, "
                                       "received_on, deadline, status, summary, submitted_on) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                       error);
  opinion = _ll_database_prepare (g->db,
                                  "INSERT INTO consultation_opinions (consultation_id, article, "
                                  "body, person_id, contributor_name, station_id, received_on, "
                                  "adopted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                  error);
  if (consultation == NULL || opinion == NULL)
    return FALSE;

  for (int year = g->first_year; year <= g->last_year; year++)
    for (guint i = 0; i < 2; i++)
      {
        guint32 received = julian_of (year, 4 + 5 * i, 1);
        guint32 deadline = received + 30;
        Station *station = &g_array_index (g->stations, Station,
                                           g_array_index (points, guint,
                                                          g_rand_int_range (g->rand, 0,
                                                                            points->len)));
        const char *regulation = PICK (g, regulations);
        g_autofree char *title = g_strdup_printf ("《%s（草案）》", regulation);
        g_autofree char *draft = g_strdup_printf ("市人大常委会法制工作委员会%d年征求意见稿", year);
        gboolean submitted = deadline + 5 <= g->today;
        char received_text[11], deadline_text[11], submitted_text[11];
        guint n_opinions;
        gint64 id;

        if (received > g->today)
          continue;

        format_day (received, received_text);
        format_day (deadline, deadline_text);
        format_day (deadline + 5, submitted_text);

        _ll_statement_bind_text (consultation, 1, title);
        _ll_statement_bind_text (consultation, 2, draft);
        _ll_statement_bind_int64 (consultation, 3, station->id);
        _ll_statement_bind_text (consultation, 4, received_text);
        _ll_statement_bind_text (consultation, 5, deadline_text);
        _ll_statement_bind_text (consultation, 6, submitted ? "submitted" : "open");
        _ll_statement_bind_text (consultation, 7, submitted ? "共收集意见建议，经整理后报送市人大常委会法工委。"
                                                            : NULL);
        _ll_statement_bind_text (consultation, 8, submitted ? submitted_text : NULL);
        if (!insert_row (g, consultation, &id, error))
          return FALSE;

        n_opinions = RAND_INT (g, 8, 25);
        for (guint k = 0; k < n_opinions; k++)
          {
            guint32 day = clamp_day (g, received + RAND_INT (g, 0, 29));
            g_autofree char *article = g_strdup_printf ("第%s条",
                                                        chinese_numbers[RAND_INT (g, 0, 9)]);
            g_autoptr(GString) contributor = g_string_new (NULL);
            char day_text[11];
            gboolean by_deputy = g->deputies->len > 0 && chance (g, 0.4);

            format_day (day, day_text);
            if (!by_deputy)
              make_name (g, chance (g, 0.5), contributor);

            _ll_statement_bind_int64 (opinion, 1, id);
            _ll_statement_bind_text (opinion, 2, article);
            _ll_statement_bind_text (opinion, 3, PICK (g, opinions));
            bind_id (opinion, 4, by_deputy ? random_deputy (g)
                                           : 0);
            _ll_statement_bind_text (opinion, 5, by_deputy ? NULL : contributor->str);
            _ll_statement_bind_int64 (opinion, 6, station->id);
            _ll_statement_bind_text (opinion, 7, day_text);
            _ll_statement_bind_int64 (opinion, 8, submitted && chance (g, 0.3) ? 1 : 0);
            if (!insert_row (g, opinion, NULL, error))
              return FALSE;
          }
      }

  return TRUE;
}

/* The whole run --------------------------------------------------------------- */

static gboolean
check_empty (Gen     *g,
             GError **error)
{
  gint64 stations = 0, people = 0, cases = 0, others = 0;

  if (!query_count (g, "SELECT count(*) FROM stations", &stations, error) ||
      !query_count (g, "SELECT count(*) FROM people", &people, error) ||
      !query_count (g, "SELECT count(*) FROM cases", &cases, error) ||
      !query_count (g, "SELECT (SELECT count(*) FROM areas) + (SELECT count(*) FROM departments) "
                    "+ (SELECT count(*) FROM groups) + (SELECT count(*) FROM activities) "
                    "+ (SELECT count(*) FROM point_rules) + (SELECT count(*) FROM suggestions) "
                    "+ (SELECT count(*) FROM projects) + (SELECT count(*) FROM consultations)",
                    &others, error))
    return FALSE;

  g->bulk = stations + people + cases + others == 0;

  if (!g->bulk && !g->options->force)
    {
      /* Translators: the numbers are counts of what the file holds */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("This database already holds data (stations: %" PRId64
                     ", people: %" PRId64 ", cases: %" PRId64 "); "
                     "demonstration data is only added to an empty database."),
                   stations, people, cases);
      return FALSE;
    }

  return TRUE;
}

static gboolean
generate_func (LlDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  Gen *g = user_data;

  if (!check_empty (g, error))
    return FALSE;

  if (g->bulk && !suspend_triggers (g, error))
    return FALSE;
  if (g->bulk)
    g->side = side_new (g);

  if (!make_stations (g, error) ||
      !make_departments (g, error) ||
      !make_groups (g, error) ||
      !make_people (g, error) ||
      !make_memberships (g, error) ||
      !make_pairings (g, error) ||
      !make_points (g, error) ||
      !make_cases (g, error) ||
      !make_activities (g, error) ||
      !make_suggestions (g, error) ||
      !make_projects (g, error) ||
      !make_consultations (g, error))
    return FALSE;

  if (g_cancellable_is_cancelled (g->cancellable))
    return cancelled_error (error);

  if (g->bulk)
    {
      set_phase (g, _("Indexes"));
      if (g->cancellable != NULL)
        sqlite3_progress_handler (g->handle, 20000, interrupt_cb, g->cancellable);
      for (guint i = 0; i < g->saved_indexes->len; i++)
        if (!_ll_database_exec (db, g_ptr_array_index (g->saved_indexes, i), error))
          {
            sqlite3_progress_handler (g->handle, 0, NULL, NULL);
            if (g_cancellable_is_cancelled (g->cancellable))
              {
                g_clear_error (error);
                return cancelled_error (error);
              }
            return FALSE;
          }
      sqlite3_progress_handler (g->handle, 0, NULL, NULL);

      set_phase (g, _("Search index"));
      if ((g->side != NULL && !side_finish (g->side, error)) || !rebuild_search (g, error))
        {
          if (g_cancellable_is_cancelled (g->cancellable))
            {
              g_clear_error (error);
              return cancelled_error (error);
            }
          return FALSE;
        }

      set_phase (g, _("Finishing"));
      if (!resume_triggers (g, error))
        return FALSE;
    }

  if (g_cancellable_is_cancelled (g->cancellable))
    return cancelled_error (error);

  return TRUE;
}

static gboolean
check_count (guint        value,
             guint        minimum,
             const char  *field,
             GError     **error)
{
  if (value >= minimum && value <= LL_DEMO_MAX_ROWS)
    return TRUE;

  /* Translators: %s is an option such as “Stations”; the numbers are
   * the smallest and largest allowed */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               _("%s: the number must be between %u and %u."), field, minimum, LL_DEMO_MAX_ROWS);
  return FALSE;
}

static gboolean
check_options (const LlDemoOptions  *options,
               GError              **error)
{
  if (!check_count (options->stations, 1, _("Stations"), error) ||
      !check_count (options->people, 1, _("People"), error) ||
      !check_count (options->cases, 0, _("Cases"), error) ||
      !check_count (options->activities, 0, _("Activities"), error))
    return FALSE;

  if (options->years < 1 || options->years > 30)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s: the number must be between %u and %u."), _("Years"), 1, 30);
      return FALSE;
    }

  return TRUE;
}

static void
gen_clear (Gen *g)
{
  g_clear_pointer (&g->rand, g_rand_free);
  g_clear_pointer (&g->saved_triggers, g_ptr_array_unref);
  g_clear_pointer (&g->saved_indexes, g_ptr_array_unref);
  g_clear_pointer (&g->logged_tables, g_hash_table_unref);
  g_clear_pointer (&g->fts_tables, g_ptr_array_unref);
  g_clear_pointer (&g->districts, g_array_unref);
  g_clear_pointer (&g->towns, g_array_unref);
  g_clear_pointer (&g->stations, g_array_unref);
  g_clear_pointer (&g->people, g_array_unref);
  g_clear_pointer (&g->deputies, g_array_unref);
  g_clear_pointer (&g->voters, g_array_unref);
  g_clear_pointer (&g->specialty, g_array_unref);
  g_clear_pointer (&g->departments, g_hash_table_unref);
  g_clear_pointer (&g->next_seq, g_hash_table_unref);
  g_clear_pointer (&g->side, side_free);
  g_clear_pointer (&g->used_places, g_hash_table_unref);
  picker_clear (&g->gender);
  picker_clear (&g->role);
  picker_clear (&g->level);
  picker_clear (&g->source);
  picker_clear (&g->mode);
  picker_clear (&g->satisfaction);
  picker_clear (&g->attendance);
  picker_clear (&g->activity_type);
  picker_clear (&g->suggestion_class);
  picker_clear (&g->pairing_kind);
  picker_clear (&g->vote);
}

static void
gen_init (Gen                 *g,
          LlDatabase          *db,
          const LlDemoOptions *options)
{
  static const Weight roles[] = {
    { "deputy", 78 }, { "voter_representative", 9 }, { "council_member", 4 },
    { "police_officer", 1.5 }, { "judge", 1 }, { "procurator", 1 },
    { "judicial_assistant", 1.5 }, { "observer", 3 }, { "expert", 1 },
  };
  /* Few national deputies, many township ones. */
  static const Weight levels[] = {
    { "national", 0.6 }, { "provincial", 2.4 }, { "city", 9 }, { "county", 30 },
    { "township", 58 },
  };
  static const Weight sources[] = {
    { "reception_day", 30 }, { "visit", 20 }, { "forum", 10 }, { "phone", 12 },
    { "wechat", 12 }, { "photo_report", 8 }, { "letter", 4 },
    { "legislative_consultation", 2 }, { "other", 2 },
  };
  static const Weight modes[] = {
    { "on_the_spot", 15 }, { "subdistrict", 20 }, { "department", 55 }, { "escalated", 10 },
  };
  static const Weight satisfactions[] = {
    { "satisfied", 75 }, { "basically_satisfied", 18 }, { "dissatisfied", 7 },
  };
  static const Weight attendances[] = {
    { "present", 88 }, { "leave", 8 }, { "absent", 4 },
  };
  static const Weight types[] = {
    { "reception", 25 }, { "visit", 20 }, { "research", 8 }, { "inspection", 6 },
    { "law_enforcement_check", 3 }, { "training", 6 }, { "group_activity", 10 },
    { "report_to_voters", 4 }, { "attend_meeting", 4 }, { "legislative_consultation", 4 },
    { "work_evaluation", 3 }, { "project_supervision", 4 }, { "congress_session", 1 },
    { "other", 2 },
  };
  static const Weight classes[] = { { "A", 50 }, { "B", 35 }, { "C", 15 } };
  static const Weight genders[] = { { "male", 58 }, { "female", 42 } };
  static const Weight votes[] = { { "for", 80 }, { "against", 10 }, { "abstain", 10 } };
  g_autofree char *today = ll_date_today ();
  int year, month, day;

  memset (g, 0, sizeof *g);
  g->db = db;
  g->handle = _ll_database_get_handle (db);
  g->options = options;
  g->rand = g_rand_new_with_seed (options->seed);
  g->saved_triggers = g_ptr_array_new_with_free_func (g_free);
  g->saved_indexes = g_ptr_array_new_with_free_func (g_free);
  g->logged_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->fts_tables = g_ptr_array_new_with_free_func (g_free);
  g->districts = g_array_new (FALSE, TRUE, sizeof (District));
  g_array_set_clear_func (g->districts, district_clear);
  g->towns = g_array_new (FALSE, TRUE, sizeof (Town));
  g_array_set_clear_func (g->towns, town_clear);
  g->stations = g_array_new (FALSE, TRUE, sizeof (Station));
  g_array_set_clear_func (g->stations, station_clear);
  g->people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (g->people, person_clear);
  g->deputies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g->voters = g_array_new (FALSE, FALSE, sizeof (gint64));
  g->specialty = g_array_new (FALSE, FALSE, sizeof (gint64));
  g->departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g->next_seq = g_hash_table_new (g_direct_hash, g_direct_equal);
  g->used_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  picker_init (&g->gender, LL_ENUM_GENDER, genders, G_N_ELEMENTS (genders));
  picker_init (&g->role, LL_ENUM_PERSON_ROLE, roles, G_N_ELEMENTS (roles));
  picker_init (&g->level, LL_ENUM_DEPUTY_LEVEL, levels, G_N_ELEMENTS (levels));
  picker_init (&g->source, LL_ENUM_CASE_SOURCE, sources, G_N_ELEMENTS (sources));
  picker_init (&g->mode, LL_ENUM_HANDLING_MODE, modes, G_N_ELEMENTS (modes));
  picker_init (&g->satisfaction, LL_ENUM_SATISFACTION, satisfactions,
               G_N_ELEMENTS (satisfactions));
  picker_init (&g->attendance, LL_ENUM_ATTENDANCE, attendances, G_N_ELEMENTS (attendances));
  picker_init (&g->activity_type, LL_ENUM_ACTIVITY_TYPE, types, G_N_ELEMENTS (types));
  picker_init (&g->suggestion_class, LL_ENUM_SUGGESTION_CLASS, classes, G_N_ELEMENTS (classes));
  picker_init (&g->pairing_kind, LL_ENUM_PAIRING_KIND, NULL, 0);
  picker_init (&g->vote, LL_ENUM_VOTE, votes, G_N_ELEMENTS (votes));

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

    g_strlcpy (g->now, text, sizeof g->now);
  }

  sscanf (today, "%d-%d-%d", &year, &month, &day);
  g->today = julian_of (year, month, day);
  g->last_year = year;
  g->first_year = year - (int) options->years + 1;
  g->first_day = julian_of (g->first_year, 1, 1);

  /* Rough cost of each part, for the progress fraction. */
  g->units_total = options->stations + 2.0 * options->people + 5.0 * options->cases +
                   5.0 * options->activities + options->cases;
}

/* Connection settings for the duration of a generation ------------------------ */

typedef struct
{
  gint64   cache_size;
  gint64   threads;
  char    *journal_mode;
  gboolean empty;
} Settings;

static gint64
pragma_int (Gen        *g,
            const char *sql)
{
  gint64 value = 0;

  if (!query_count (g, sql, &value, NULL))
    return 0;

  return value;
}

static char *
pragma_text (Gen        *g,
             const char *sql)
{
  g_autoptr(LlStatement) statement = _ll_database_prepare (g->db, sql, NULL);

  if (statement == NULL || _ll_statement_step (statement, NULL) != LL_STEP_ROW)
    return g_strdup ("");

  return g_strdup ((const char *) sqlite3_column_text (statement->stmt, 0));
}

static void
set_pragma (Gen        *g,
            const char *name,
            const char *value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %s", name, value);
  g_autoptr(GError) error = NULL;

  /* Each is only about speed: if one cannot be set, carry on. */
  if (!_ll_database_exec (g->db, sql, &error))
    g_debug ("%s: %s", sql, error->message);
}

/* Rows made here are valid by construction (tests/core/test-demo.c runs
 * the full integrity and foreign-key check over them), so the schema's
 * CHECK constraints are not evaluated once more for each row: that costs
 * a third of the time, as the IN (…) lists are rebuilt for every
 * statement. Into an empty file, also:
 *
 *   - no foreign-key lookups row by row;
 *   - the rollback journal instead of the write-ahead log, when nobody
 *     else has the file open (SQLite refuses the switch otherwise): new
 *     pages are then written once, into the file, instead of into the
 *     log and again into the file. A crash meanwhile leaves a journal
 *     that SQLite rolls back at the next opening, as with any write;
 *   - a large page cache and two threads for sorting the indexes.
 *
 * Everything is put back afterwards. */
static void
settings_enter (Gen      *g,
                Settings *saved,
                gboolean  empty)
{
  gboolean big = g->options->cases + g->options->activities > 50000;

  saved->empty = empty;
  saved->cache_size = pragma_int (g, "PRAGMA cache_size");
  saved->threads = pragma_int (g, "PRAGMA threads");
  saved->journal_mode = pragma_text (g, "PRAGMA journal_mode");

  set_pragma (g, "ignore_check_constraints", "ON");
  if (!empty)
    return;

  set_pragma (g, "foreign_keys", "OFF");
  if (g_ascii_strcasecmp (saved->journal_mode, "wal") == 0)
    set_pragma (g, "journal_mode", "DELETE");
  if (big)
    {
      set_pragma (g, "cache_size", "-262144");
      set_pragma (g, "threads", "2");
    }
}

static void
settings_leave (Gen      *g,
                Settings *saved)
{
  g_autofree char *cache_size = g_strdup_printf ("%" G_GINT64_FORMAT, saved->cache_size);
  g_autofree char *threads = g_strdup_printf ("%" G_GINT64_FORMAT, saved->threads);
  g_autofree char *mode = pragma_text (g, "PRAGMA journal_mode");

  set_pragma (g, "ignore_check_constraints", "OFF");
  if (!saved->empty)
    return;

  set_pragma (g, "foreign_keys", "ON");
  if (g_ascii_strcasecmp (mode, saved->journal_mode) != 0 && saved->journal_mode[0] != '\0')
    set_pragma (g, "journal_mode", saved->journal_mode);
  set_pragma (g, "cache_size", cache_size);
  set_pragma (g, "threads", threads);
}

/* Public API -------------------------------------------------------------------- */

/**
 * ll_demo_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * Fills @options with a sub-district office's size: 24 stations, 360
 * people, 2,400 cases and 800 activities over 3 years, seed 1, not
 * forced.
 */
void
ll_demo_options_init (LlDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->stations = 24;
  options->people = 360;
  options->cases = 2400;
  options->activities = 800;
  options->years = 3;
  options->seed = 1;
  options->force = FALSE;
}

/**
 * ll_demo_generate:
 * @db: an open, writable database
 * @options: (nullable): what to make; %NULL for ll_demo_options_init()'s
 * @progress: (nullable) (scope call): called with the fraction done and
 *   the phase, from this thread
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Fills @db with realistic, made-up Chinese data: a district tree, a
 * 家 → 站 → 点 tree of stations of every kind with reception schedules,
 * people of every role and deputies of every level stationed by the
 * mixed-grouping rule, departments, cases of every category, source and
 * status with histories that follow the workflow, activities with
 * attendance, point rules for each year, suggestions, livelihood
 * projects and legislative consultations. The same @options (seed
 * included) and the same today's date (ll_date_today()) give the same
 * data.
 *
 * Everything is written in one transaction: on failure or cancellation
 * (%G_IO_ERROR_CANCELLED) the database is left exactly as it was. A
 * database that already holds data is refused with
 * %LL_DATABASE_ERROR_INVALID unless @options sets force.
 *
 * Returns: %TRUE if the data was added
 */
gboolean
ll_demo_generate (LlDatabase           *db,
                  const LlDemoOptions  *options,
                  LlDemoProgressFunc    progress,
                  gpointer              user_data,
                  GCancellable         *cancellable,
                  GError              **error)
{
  LlDemoOptions defaults;
  Settings saved = { 0 };
  Gen g;
  gboolean empty;
  gboolean ok;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      ll_demo_options_init (&defaults);
      options = &defaults;
    }

  if (!check_options (options, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  gen_init (&g, db, options);
  g.cancellable = cancellable;
  g.progress = progress;
  g.progress_data = user_data;

  empty = check_empty (&g, NULL) && g.bulk;
  settings_enter (&g, &saved, empty);

  set_phase (&g, _("Starting"));
  ok = ll_database_write (db, generate_func, &g, error);

  settings_leave (&g, &saved);

  if (ok)
    {
      /* Give the space of the write-ahead log back; harmless if busy. */
      if (g.bulk && g_ascii_strcasecmp (saved.journal_mode, "wal") == 0)
        _ll_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
      if (progress != NULL)
        progress (1.0, _("Done"), user_data);
    }

  gen_clear (&g);
  g_free (saved.journal_mode);

  return ok;
}

/* Async --------------------------------------------------------------------------- */

typedef struct
{
  LlDemoOptions       options;
  LlDemoProgressFunc  progress;
  gpointer            progress_data;
  GDestroyNotify      progress_data_destroy;
  GMainContext       *context;

  GMutex              mutex;
  double              fraction;
  char               *phase;
  gboolean            scheduled;
  gboolean            finished;
} AsyncData;

static void
async_data_free (AsyncData *data)
{
  if (data->progress_data_destroy != NULL)
    data->progress_data_destroy (data->progress_data);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_mutex_clear (&data->mutex);
  g_free (data->phase);
  g_free (data);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  AsyncData *data = g_task_get_task_data (G_TASK (user_data));
  g_autofree char *phase = NULL;
  double fraction;
  gboolean finished;

  g_mutex_lock (&data->mutex);
  fraction = data->fraction;
  phase = g_strdup (data->phase);
  finished = data->finished;
  data->scheduled = FALSE;
  g_mutex_unlock (&data->mutex);

  if (!finished && data->progress != NULL)
    data->progress (fraction, phase, data->progress_data);

  return G_SOURCE_REMOVE;
}

static void
thread_progress_cb (double      fraction,
                    const char *phase,
                    gpointer    user_data)
{
  GTask *task = user_data;
  AsyncData *data = g_task_get_task_data (task);
  gboolean schedule;

  g_mutex_lock (&data->mutex);
  data->fraction = fraction;
  if (g_strcmp0 (data->phase, phase) != 0)
    {
      g_free (data->phase);
      data->phase = g_strdup (phase);
    }
  schedule = !data->scheduled;
  data->scheduled = TRUE;
  g_mutex_unlock (&data->mutex);

  /* One pending update at a time: the main loop sees the latest. (Not
   * g_main_context_invoke(), which may call back on this thread.) */
  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, deliver_progress_cb, g_object_ref (task), g_object_unref);
      g_source_set_static_name (source, "[lianluo] demo progress");
      g_source_attach (source, data->context);
    }
}

static void
generate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AsyncData *data = task_data;
  g_autoptr(LlDatabase) worker = NULL;
  GError *error = NULL;
  gboolean ok;

  worker = ll_database_open_secondary (source_object, &error);
  if (worker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ok = ll_demo_generate (worker, &data->options, thread_progress_cb, task, cancellable, &error);
  ll_database_close (worker);

  g_mutex_lock (&data->mutex);
  data->finished = TRUE;
  g_mutex_unlock (&data->mutex);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ll_demo_generate_async:
 * @db: an open, writable database
 * @options: (nullable): what to make; copied
 * @progress: (nullable): called in the caller's main context with the
 *   latest fraction and phase (updates may be coalesced)
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data at the end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Runs ll_demo_generate() in a thread with a connection of its own, so
 * the window stays responsive. Finish with ll_demo_generate_finish().
 */
void
ll_demo_generate_async (LlDatabase          *db,
                        const LlDemoOptions *options,
                        LlDemoProgressFunc   progress,
                        gpointer             progress_data,
                        GDestroyNotify       progress_data_destroy,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (LL_IS_DATABASE (db));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (AsyncData, 1);
  if (options != NULL)
    data->options = *options;
  else
    ll_demo_options_init (&data->options);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_destroy = progress_data_destroy;
  data->context = g_main_context_ref_thread_default ();
  g_mutex_init (&data->mutex);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_demo_generate_async);
  g_task_set_name (task, "[lianluo] demo data");
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, generate_thread);
}

/**
 * ll_demo_generate_finish:
 * @db: the database given to ll_demo_generate_async()
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Also makes @db look for the new rows at once, so that
 * #LlDatabase::changed is emitted without waiting for the next poll.
 *
 * Returns: %TRUE if the data was added
 */
gboolean
ll_demo_generate_finish (LlDatabase    *db,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ll_demo_generate_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  ll_database_poll_changes (db);

  return TRUE;
}
