//! The household as the rules see it: who lives together, what they earned in the last 12 months,
//! what they own and what they had to spend. No names, no ID numbers: the engine never needs them.
//!
//! These types are also the documented JSON input format (see `docs/FORMATS.md`); bounded newtypes
//! (`Age`, `Grade`, `Money`) refuse impossible values while parsing, and [`Household::validate`]
//! checks what spans fields (a member reference must name an existing member).

use serde::{de, Deserialize, Deserializer, Serialize};

use super::date::Day;
use super::money::{Amount, Money, MoneyError, Period};

/// The most members one household may list. Real 共同生活 households are far smaller; the bound keeps
/// time and memory small on hostile input.
pub const MAX_MEMBERS: usize = 30;
/// The most income lines one household may list: every member's wages, pension and allowances with
/// room to spare. The page's 添加一项收入 is disabled at it, and JSON past it is refused.
pub const MAX_INCOME_ITEMS: usize = 100;

/// A household as the rules see it, and the JSON input format: where it lives, its members, its
/// income, spending and assets, and its situation. Unknown fields are refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Household {
    /// The day the assessment is for; when absent, the caller's today is used.
    #[serde(default)]
    pub as_of: Option<Day>,
    /// Where the household lives: the pack, its area and 城市/农村, and the local figures the user
    /// knows; they choose the 低保标准 the income tests use.
    #[serde(default)]
    pub place: Place,
    /// The members who live together (共同生活的家庭成员), 1 to 30: they share the income per capita, and
    /// income lines and results refer to them by index from 0.
    pub members: Vec<Member>,
    /// Income of the last 12 months, line by line.
    #[serde(default)]
    pub income: Vec<IncomeItem>,
    /// Medical, disability-care and other rigid spending of the last 12 months, paid out of pocket,
    /// which 支出型贫困 and 刚性支出困难 weigh against income (students' fees are asked per student).
    #[serde(default)]
    pub spending: Spending,
    /// What the household owns, for the property conditions (whose limits are mostly local).
    #[serde(default)]
    pub assets: Assets,
    /// Facts about the household's present situation that only some rules ask about: receiving 低保,
    /// unemployment, sudden hardship, 户籍.
    #[serde(default)]
    pub situation: Situation,
}

/// Where the household lives, and the local figures the user knows better than our data.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// A built-in policy pack: `national`, `shanxi`, `shandong`, `guangxi`. Ignored when the caller
    /// passes its own pack.
    #[serde(default)]
    pub pack: Option<String>,
    /// An area id from the pack (e.g. `taiyuan/core`); absent when the district is not listed.
    #[serde(default)]
    pub area: Option<String>,
    /// Whether the household lives under the urban (城市) or rural (农村) 低保标准; urban when not said.
    #[serde(default)]
    pub area_kind: AreaKind,
    /// The 低保标准 the user says applies; overrides the pack.
    #[serde(default)]
    pub local_standard: Option<Amount>,
    /// Last year's local 居民人均可支配收入 (per person, per year or per month), for 刚性支出困难.
    #[serde(default)]
    pub disposable_income: Option<Amount>,
}

/// Urban or rural: localities set a 低保标准 for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// 城市
    #[default]
    Urban,
    /// 农村
    Rural,
}

impl AreaKind {
    /// The word a resident reads: 城市 or 农村.
    pub fn label(self) -> &'static str {
        match self {
            AreaKind::Urban => "城市",
            AreaKind::Rural => "农村",
        }
    }
}

/// One member of the household, never named: relation, age and what the rules ask about
/// (disability, illness, schooling, work, supporter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// How the member is related to the applicant; the applicant when not said.
    #[serde(default)]
    pub relation: Relation,
    /// Age in whole years on the assessment day: 特困 (elderly or minor) and 单人户 (adult) turn on it.
    pub age: Age,
    /// Present only for a holder of a 中华人民共和国残疾人证.
    #[serde(default)]
    pub disability: Option<Disability>,
    /// A serious illness, if any: for 因病 支出型贫困 and for the seriously ill of a 边缘 family (单人户).
    #[serde(default)]
    pub illness: Option<Illness>,
    /// The member's schooling, if in education: its level and the fees the family pays.
    #[serde(default)]
    pub student: Option<Student>,
    /// Whether the member works; unknown when not answered.
    #[serde(default)]
    pub work: WorkStatus,
    /// For 特困: whether someone with a legal duty to support this person can do so.
    #[serde(default)]
    pub supporter: SupporterStatus,
}

/// How a member is related to the applicant: it names the member in results and decides who has a
/// legal duty to support whom (特困).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The applicant (申请人本人), to whom every other relation refers.
    #[default]
    Applicant,
    /// The applicant's husband or wife (配偶).
    Spouse,
    /// A son or daughter of the applicant (子女).
    Child,
    /// A father or mother of the applicant (父母).
    Parent,
    /// A brother or sister of the applicant (兄弟姐妹).
    Sibling,
    /// A grandparent of the applicant (祖父母、外祖父母).
    Grandparent,
    /// A grandchild of the applicant (孙子女、外孙子女).
    Grandchild,
    /// Anyone else who lives with the household (其他共同生活的人); no duty of support is read from it.
    Other,
}

impl Relation {
    /// The relation in words, as results name a member (第2位成员，配偶).
    pub fn label(self) -> &'static str {
        match self {
            Relation::Applicant => "申请人",
            Relation::Spouse => "配偶",
            Relation::Child => "子女",
            Relation::Parent => "父母",
            Relation::Sibling => "兄弟姐妹",
            Relation::Grandparent => "祖父母/外祖父母",
            Relation::Grandchild => "孙子女/外孙子女",
            Relation::Other => "其他共同生活成员",
        }
    }
}

/// Age in whole years on the assessment day, 0 to 130.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Age(u8);

impl Age {
    /// The oldest age accepted; anything above is a typing mistake.
    pub const MAX: u8 = 130;

    /// An age in whole years; above [`Age::MAX`] it is refused with a Chinese message.
    pub fn new(years: u32) -> Result<Age, String> {
        if years > u32::from(Age::MAX) {
            return Err(format!("年龄应在0到{}岁之间", Age::MAX));
        }
        Ok(Age(years as u8))
    }

    /// The age in whole years.
    pub fn years(self) -> u32 {
        u32::from(self.0)
    }
}

impl<'de> Deserialize<'de> for Age {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Age, D::Error> {
        let value = i64::deserialize(deserializer).map_err(|_| de::Error::custom("年龄应为0到130之间的整数"))?;
        let years = u32::try_from(value).map_err(|_| de::Error::custom("年龄不能为负数"))?;
        Age::new(years).map_err(de::Error::custom)
    }
}

/// A disability as recorded on the 残疾人证: its kind and grade (一级 most severe … 四级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disability {
    /// The kind of disability, as on the certificate.
    pub kind: DisabilityKind,
    /// The grade on the certificate: the rules count a kind's grades up to a limit as severe (重度)
    /// or as no capacity to work.
    pub grade: Grade,
    /// Still needs rehabilitation, training or care (康复治疗、康复训练或照料护理).
    #[serde(default)]
    pub needs_ongoing_care: bool,
}

/// The kind of disability on the 残疾人证: rules name kinds (智力, 精神) whose grades mean a person
/// cannot work or counts as severely disabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisabilityKind {
    /// 视力残疾: visual disability.
    Visual,
    /// 听力残疾: hearing disability.
    Hearing,
    /// 言语残疾: speech disability.
    Speech,
    /// 肢体残疾: physical disability.
    Physical,
    /// 智力残疾: intellectual disability. With 精神, rules reach a milder grade for it (三级) than for
    /// the other kinds.
    Intellectual,
    /// 精神残疾: mental (psychiatric) disability, treated like 智力 in the severity rules.
    Mental,
    /// 多重残疾: more than one kind of disability.
    Multiple,
}

impl DisabilityKind {
    /// The kind in words, as on the certificate (肢体, 智力, …).
    pub fn label(self) -> &'static str {
        match self {
            DisabilityKind::Visual => "视力",
            DisabilityKind::Hearing => "听力",
            DisabilityKind::Speech => "言语",
            DisabilityKind::Physical => "肢体",
            DisabilityKind::Intellectual => "智力",
            DisabilityKind::Mental => "精神",
            DisabilityKind::Multiple => "多重",
        }
    }
}

/// A 残疾人证 grade, 1 (一级, most severe) to 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Grade(u8);

impl Grade {
    /// A grade from 1 to 4; anything else is refused with a Chinese message.
    pub fn new(grade: u32) -> Result<Grade, String> {
        match grade {
            1..=4 => Ok(Grade(grade as u8)),
            _ => Err("残疾等级应为1到4级".to_string()),
        }
    }

    /// The grade as a number, 1 (most severe) to 4.
    pub fn value(self) -> u8 {
        self.0
    }

    /// The grade in words, as on the certificate (一级 … 四级).
    pub fn label(self) -> &'static str {
        match self.0 {
            1 => "一级",
            2 => "二级",
            3 => "三级",
            _ => "四级",
        }
    }
}

impl<'de> Deserialize<'de> for Grade {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Grade, D::Error> {
        let value = i64::deserialize(deserializer).map_err(|_| de::Error::custom("残疾等级应为1到4之间的整数"))?;
        let grade = u32::try_from(value).map_err(|_| de::Error::custom("残疾等级应为1到4级"))?;
        Grade::new(grade).map_err(de::Error::custom)
    }
}

/// A member's illness, as 支出型贫困 (因病) and the 单人户 route for the seriously ill ask about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Illness {
    /// A serious illness (重病/大病), as a hospital diagnosis would say.
    #[serde(default)]
    pub serious: bool,
    /// Not cured, still in treatment (疾病尚未痊愈，仍需进行相应治疗).
    #[serde(default)]
    pub in_treatment: bool,
}

/// A member in education: the level, whether full-time, and the fees the family pays, which 因学
/// and 刚性支出 deduct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Student {
    /// The stage of education: 因学 deducts only the fees of students up to 本科.
    pub level: EducationLevel,
    /// Studying full time (全日制), as 因学 requires; yes when not said.
    #[serde(default = "yes")]
    pub full_time: bool,
    /// Studying at a high-fee school (高收费学校).
    #[serde(default)]
    pub high_fee_school: bool,
    /// Studying abroad (出国留学).
    #[serde(default)]
    pub abroad: bool,
    /// One school year's 学费、住宿费、保育教育费 for this student, paid by the family after every
    /// grant and aid (晋民发〔2022〕60号 二(三)2). Asked per student because 因学 deducts only the
    /// fees of students its 二(三)1 admits, while 刚性支出 counts every student's.
    #[serde(default = "zero_per_year")]
    pub fees: Amount,
}

fn yes() -> bool {
    true
}

/// The stage of education, in order, so that a rule can say 本科及以下.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    /// 入托、幼儿园
    Preschool,
    /// 小学: primary school.
    Primary,
    /// 初中: junior secondary school.
    JuniorSecondary,
    /// 普通高中: ordinary senior secondary school.
    SeniorSecondary,
    /// 中等职业教育
    Vocational,
    /// 专科 (高职)
    JuniorCollege,
    /// 本科
    Undergraduate,
    /// 研究生
    Postgraduate,
}

impl EducationLevel {
    /// The level in words (本科, 专科（高职）, …).
    pub fn label(self) -> &'static str {
        match self {
            EducationLevel::Preschool => "学前（入托、幼儿园）",
            EducationLevel::Primary => "小学",
            EducationLevel::JuniorSecondary => "初中",
            EducationLevel::SeniorSecondary => "普通高中",
            EducationLevel::Vocational => "中等职业教育",
            EducationLevel::JuniorCollege => "专科（高职）",
            EducationLevel::Undergraduate => "本科",
            EducationLevel::Postgraduate => "研究生",
        }
    }
}

/// Whether a member works: 单人户 asks for 无业, and a working adult may support another member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus {
    /// Has a job or runs a business (有工作或在经营).
    Employed,
    /// 无业: no job and no business.
    Unemployed,
    /// Not answered: a rule that asks leaves the condition to the office rather than guess.
    #[default]
    Unknown,
    /// Retired (已退休): not working, usually living on a pension.
    Retired,
    /// In education (在读) rather than at work.
    InSchool,
}

/// For 特困: whether someone with a legal duty to support this member can do so; unknown until
/// answered, and then never read as yes or no.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupporterStatus {
    /// Someone with a legal duty to support this person can do so.
    Able,
    /// There is such a person, but they cannot (无履行义务能力).
    Unable,
    /// Nobody has a legal duty to support this person.
    None,
    /// Not answered: 特困 reads the answer from the household when a member plainly has the duty and
    /// the means, else leaves it to the office.
    #[default]
    Unknown,
}

/// One line of income over the last 12 months.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncomeItem {
    /// Index (from 0) of the member it belongs to; absent for income of the household as a whole.
    #[serde(default)]
    pub member: Option<usize>,
    /// What kind of income it is, which decides whether it is counted, exempt, deducted or left to
    /// the locality.
    pub kind: IncomeKind,
    /// Written out (not a flattened [`Amount`]) so that unknown fields are refused and errors name
    /// `income[i].amount`.
    pub amount: Money,
    /// Whether `amount` is a monthly figure (× 12) or a total over the last 12 months.
    pub per: Period,
}

impl IncomeItem {
    /// An income line from an amount stated per month or per year.
    pub fn new(member: Option<usize>, kind: IncomeKind, amount: Amount) -> IncomeItem {
        IncomeItem { member, kind, amount: amount.amount, per: amount.per }
    }

    /// The line's amount with its period.
    pub fn value(&self) -> Amount {
        Amount { amount: self.amount, per: self.per }
    }
}

/// Kinds of income, after 民发〔2021〕57号: what counts, what is exempt, what is deducted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncomeKind {
    /// 工资性收入
    Wages,
    /// 经营净收入
    BusinessNet,
    /// 财产净收入 (rent, interest, dividends)
    PropertyNet,
    /// 养老金、退休金 other than the basic pension portion below
    Pension,
    /// 赡养费、抚养费、扶养费 received
    SupportReceived,
    /// 供养费 paid by siblings or by people aged 60+, for an adult unemployed severely disabled person
    SupportFromSiblingsOrElderly,
    /// 失业保险金
    UnemploymentBenefit,
    /// 高龄津贴
    ElderlyAllowance,
    /// Other transfers: compensation, donations, …
    OtherTransfer,
    /// 城乡居民基本养老保险基础养老金 (not counted)
    BasicPensionBase,
    /// 优待抚恤金 (not counted)
    SpecialCareAllowance,
    /// 计划生育奖励与扶助金 (not counted)
    FamilyPlanningAward,
    /// 奖学金 (not counted)
    Scholarship,
    /// 见义勇为等奖励性补助 (not counted)
    HeroicDeedAward,
    /// 政府发放的各类社会救助款物 (not counted)
    SocialAssistance,
    /// 残疾人两项补贴: 困难残疾人生活补贴 and 重度残疾人护理补贴. Whether they count is not written
    /// in the documents this tool follows, so a test they could tip waits on the local rule.
    DisabilityAllowances,
    /// 个人所得税、社会保险费 paid (deducted)
    TaxesAndSocialInsurance,
    /// 赡养费、抚养费、扶养费 paid to people outside the household (deducted)
    SupportPaid,
    /// 必要的就业成本 (deducted from wages)
    EmploymentCosts,
}

/// What an income line does to the household's counted income.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncomeEffect {
    /// Counted in the household's income (wages, pensions, support received, …).
    Counted,
    /// Received but exempt: left out of the household's income (基础养老金, 优待抚恤金, 奖学金, …).
    NotCounted,
    /// Taken off counted income: taxes and social insurance, support paid out, necessary employment
    /// costs.
    Deducted,
    /// Counted or not as the locality rules; tests are decided both ways (`LocalRule::DisabilityAllowances`).
    LocallyDecided,
}

impl IncomeKind {
    /// Every kind, so that a table of them (the page's choices) can be checked complete.
    pub const ALL: [IncomeKind; 19] = [
        IncomeKind::Wages,
        IncomeKind::BusinessNet,
        IncomeKind::PropertyNet,
        IncomeKind::Pension,
        IncomeKind::SupportReceived,
        IncomeKind::SupportFromSiblingsOrElderly,
        IncomeKind::UnemploymentBenefit,
        IncomeKind::ElderlyAllowance,
        IncomeKind::OtherTransfer,
        IncomeKind::BasicPensionBase,
        IncomeKind::SpecialCareAllowance,
        IncomeKind::FamilyPlanningAward,
        IncomeKind::Scholarship,
        IncomeKind::HeroicDeedAward,
        IncomeKind::SocialAssistance,
        IncomeKind::DisabilityAllowances,
        IncomeKind::TaxesAndSocialInsurance,
        IncomeKind::SupportPaid,
        IncomeKind::EmploymentCosts,
    ];

    /// Whether this kind of income is counted, exempt, deducted or decided locally: the one table of
    /// income effects.
    pub fn effect(self) -> IncomeEffect {
        use IncomeKind::*;
        match self {
            Wages
            | BusinessNet
            | PropertyNet
            | Pension
            | SupportReceived
            | SupportFromSiblingsOrElderly
            | UnemploymentBenefit
            | ElderlyAllowance
            | OtherTransfer => IncomeEffect::Counted,
            BasicPensionBase | SpecialCareAllowance | FamilyPlanningAward | Scholarship | HeroicDeedAward
            | SocialAssistance => IncomeEffect::NotCounted,
            TaxesAndSocialInsurance | SupportPaid | EmploymentCosts => IncomeEffect::Deducted,
            DisabilityAllowances => IncomeEffect::LocallyDecided,
        }
    }

    /// The kind of income in words, as the documents name it.
    pub fn label(self) -> &'static str {
        use IncomeKind::*;
        match self {
            Wages => "工资性收入",
            BusinessNet => "经营净收入",
            PropertyNet => "财产净收入",
            Pension => "养老金、退休金",
            SupportReceived => "赡养费、抚养费、扶养费",
            SupportFromSiblingsOrElderly => "兄弟姐妹或60周岁以上老人给付的供养费",
            UnemploymentBenefit => "失业保险金",
            ElderlyAllowance => "高龄津贴",
            OtherTransfer => "其他转移性收入",
            BasicPensionBase => "城乡居民基本养老保险基础养老金",
            SpecialCareAllowance => "优待抚恤金",
            FamilyPlanningAward => "计划生育奖励与扶助金",
            Scholarship => "奖学金",
            HeroicDeedAward => "见义勇为等奖励性补助",
            SocialAssistance => "社会救助款物",
            DisabilityAllowances => "残疾人两项补贴（困难残疾人生活补贴、重度残疾人护理补贴）",
            TaxesAndSocialInsurance => "缴纳的个人所得税、社会保险费",
            SupportPaid => "支付的赡养费、抚养费、扶养费",
            EmploymentCosts => "必要的就业成本",
        }
    }
}

/// Out-of-pocket spending of the last 12 months, after every insurance, reimbursement and aid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spending {
    /// 医疗费用 paid by the family after 基本医保、大病保险、补充医疗保险、商业保险 and charity.
    #[serde(default = "zero_per_year")]
    pub medical: Amount,
    /// 残疾人辅助器械、康复治疗、康复训练、照料护理费用 paid by the family.
    #[serde(default = "zero_per_year")]
    pub disability_care: Amount,
    /// Other necessary rigid spending (其他必需的刚性支出). Education fees are asked per student
    /// ([`Student::fees`]).
    #[serde(default = "zero_per_year")]
    pub other_rigid: Amount,
}

fn zero_per_year() -> Amount {
    Amount { amount: Money::ZERO, per: Period::Year }
}

impl Default for Spending {
    fn default() -> Spending {
        Spending { medical: zero_per_year(), disability_care: zero_per_year(), other_rigid: zero_per_year() }
    }
}

/// What the household owns. Limits on these are local rules; the seeds give only the 36-month test
/// for 支出型贫困 financial assets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assets {
    /// 金融资产: deposits, securities, funds, insurance cash value, claims — the household's total.
    #[serde(default)]
    pub financial: Money,
    /// Motor vehicles owned.
    #[serde(default)]
    pub vehicles: u16,
    /// Homes (houses, flats) owned, including the one lived in.
    #[serde(default)]
    pub homes: u16,
    /// Other real estate or business property (shops, offices, land-use rights beyond the home).
    #[serde(default)]
    pub other_property: bool,
}

impl Assets {
    /// True when the household declares nothing any property rule could count: no financial assets,
    /// no vehicle, no home and no other property. Any local limit, whatever its number, is then met.
    pub fn declares_nothing(&self) -> bool {
        self.financial.is_zero() && self.vehicles == 0 && self.homes == 0 && !self.other_property
    }
}

/// Facts about the household's current situation that only some rules ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    /// The household receives 低保 now.
    #[serde(default)]
    pub receives_dibao: bool,
    /// The household is recognised (认定) as a 低保边缘家庭 now. No rule reads it; a batch flags such
    /// a household whose income is now below the 低保标准.
    #[serde(default)]
    pub recognised_marginal: bool,
    /// Its income rose because a member found work (for 渐退).
    #[serde(default)]
    pub income_rose_through_work: bool,
    /// A member lost work and income: for the unemployed-without-insurance rules of 临时救助.
    #[serde(default)]
    pub unemployment: Option<UnemploymentHardship>,
    /// An accident, sudden serious illness, fire or other sudden, urgent or catastrophic hardship.
    #[serde(default)]
    pub sudden_hardship: bool,
    /// Disaster victims still in great hardship after emergency and transition relief.
    #[serde(default)]
    pub disaster_after_relief: bool,
    /// A student (e.g. a graduate) not yet employed because of a public-health event or disaster.
    #[serde(default)]
    pub student_stuck_by_emergency: bool,
    /// Where the members' 户籍 is registered, which decides where the household may apply; local when
    /// not said.
    #[serde(default)]
    pub hukou: Hukou,
}

/// A worker without work and without income, the case 临时救助 covers for the uninsured unemployed
/// (山西 二(一), 广西 四(十三)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnemploymentHardship {
    /// Consecutive months without any income, up to the assessment day.
    pub months_without_income: u16,
    /// Covered by unemployment insurance (失业保险).
    #[serde(default)]
    pub unemployment_insurance: bool,
    /// Unable to return to work because of a major public-health event or disaster.
    #[serde(default)]
    pub caused_by_emergency: bool,
}

/// Where the members' 户籍 is registered, which decides where the household may apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hukou {
    /// All members hold local 户籍.
    #[default]
    Local,
    /// Some members are registered elsewhere but live here with a 居住证.
    ResidencePermit,
    /// Registered elsewhere, without a local residence permit.
    Elsewhere,
}

/// A problem with one field of the input, named by its path (`members[2].age`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The path of the field at fault, as in the JSON (`income[0].amount`); empty or `.` for the
    /// input as a whole.
    pub path: String,
    /// What is wrong, in Chinese, as the reader sees it (金额不能为负数).
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() || self.path == "." {
            f.write_str(&self.message)
        } else {
            write!(f, "{}：{}", self.path, self.message)
        }
    }
}

impl Household {
    /// Checks what no single field can: counts within bounds, member references in range. Returns
    /// every problem found, not just the first, so a form can mark them all.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.members.is_empty() {
            errors.push(FieldError { path: "members".into(), message: "至少需要填写一名家庭成员".into() });
        }
        if self.members.len() > MAX_MEMBERS {
            errors
                .push(FieldError {
                    path: "members".into(), message: format!("家庭成员最多{}人，请核对", MAX_MEMBERS)
                });
        }
        if self.income.len() > MAX_INCOME_ITEMS {
            errors.push(FieldError {
                path: "income".into(), message: format!("收入条目最多{}条", MAX_INCOME_ITEMS)
            });
        }
        for (index, item) in self.income.iter().enumerate() {
            if let Some(member) = item.member {
                if member >= self.members.len() {
                    errors.push(FieldError {
                        path: format!("income[{index}].member"),
                        message: format!("没有第{}位家庭成员（成员从0开始编号）", member),
                    });
                }
            }
        }
        errors
    }

    /// One school year's fees of the students `counts` admits, summed.
    pub fn student_fees(&self, counts: impl Fn(&Member) -> bool) -> Result<rust_decimal::Decimal, MoneyError> {
        self.members
            .iter()
            .filter(|m| counts(m))
            .filter_map(|m| m.student)
            .try_fold(rust_decimal::Decimal::ZERO, |total, s| super::money::add(total, s.fees.annual()?))
    }

    /// The number of members as a decimal, for per-capita arithmetic.
    pub fn size(&self) -> usize {
        self.members.len()
    }
}
