// TypeScript definitions for api.js: the partner JS API and the formats it exchanges (see
// docs/FORMATS.md). Money is a decimal string in 元 ("3000.50"); numbers are accepted on input.
// A test type-checks the committed example household, pack and assessment against these types.

/** Loads the WebAssembly; await it before anything else (a call made earlier answers `{ ok: false, errors }`). */
export default function init(options: { module_or_path: URL | string | Request }): Promise<unknown>;

/** Assesses a household (object or JSON text) under the pack named by `place.pack`, a built-in pack id, or a partner's pack. */
export function assess(household: Household | string, policy?: BuiltinPack | PolicyPack | string | null): AssessResponse;
/** Validates a partner's policy pack (object or JSON text). */
export function validatePolicy(pack: PolicyPack | string): ValidateResponse;

export type AssessResponse = { ok: true; assessment: Assessment } | { ok: false; errors: ApiError[] };
export type ValidateResponse = { ok: true; id: string; name: string; areas: number } | { ok: false; errors: ApiError[] };
export interface ApiError { in: 'household' | 'policy'; path: string; message: string }

export type Money = string;
export type Decimal = string;
export type Day = string; // YYYY-MM-DD
export type Period = 'month' | 'year';
export type BuiltinPack = 'national' | 'shanxi' | 'shandong' | 'guangxi';

// ---- Household (input) ----
export interface Amount { amount: Money | number; per: Period }
export interface Household {
  as_of?: Day | null;
  place?: Place;
  members: Member[];
  income?: IncomeItem[];
  spending?: Spending;
  assets?: Assets;
  situation?: Situation;
}
export interface Place {
  pack?: BuiltinPack | string | null;
  area?: string | null;
  area_kind?: AreaKind;
  local_standard?: Amount | null;
  disposable_income?: Amount | null;
}
export type AreaKind = 'urban' | 'rural';
export type Relation = 'applicant' | 'spouse' | 'child' | 'parent' | 'sibling' | 'grandparent' | 'grandchild' | 'other';
export type DisabilityKind = 'visual' | 'hearing' | 'speech' | 'physical' | 'intellectual' | 'mental' | 'multiple';
export type EducationLevel = 'preschool' | 'primary' | 'junior_secondary' | 'senior_secondary' | 'vocational' | 'junior_college' | 'undergraduate' | 'postgraduate';
export interface Member {
  relation?: Relation;
  age: number;
  disability?: { kind: DisabilityKind; grade: 1 | 2 | 3 | 4; needs_ongoing_care?: boolean } | null;
  illness?: { serious?: boolean; in_treatment?: boolean } | null;
  /** `fees`: one school year's 学费、住宿费、保育教育费 paid after aid, for this student. */
  student?: { level: EducationLevel; full_time?: boolean; high_fee_school?: boolean; abroad?: boolean; fees?: Amount } | null;
  work?: 'employed' | 'unemployed' | 'unknown' | 'retired' | 'in_school';
  supporter?: 'able' | 'unable' | 'none' | 'unknown';
}
export type IncomeKind =
  | 'wages' | 'business_net' | 'property_net' | 'pension' | 'support_received' | 'support_from_siblings_or_elderly'
  | 'unemployment_benefit' | 'elderly_allowance' | 'other_transfer' | 'basic_pension_base' | 'special_care_allowance'
  | 'family_planning_award' | 'scholarship' | 'heroic_deed_award' | 'social_assistance' | 'disability_allowances'
  | 'taxes_and_social_insurance' | 'support_paid' | 'employment_costs';
export interface IncomeItem { member?: number | null; kind: IncomeKind; amount: Money | number; per: Period }
/** Education fees are given per student (`Member.student.fees`). */
export interface Spending { medical?: Amount; disability_care?: Amount; other_rigid?: Amount }
export interface Assets { financial?: Money | number; vehicles?: number; homes?: number; other_property?: boolean }
export interface Situation {
  receives_dibao?: boolean;
  income_rose_through_work?: boolean;
  unemployment?: { months_without_income: number; unemployment_insurance?: boolean; caused_by_emergency?: boolean } | null;
  sudden_hardship?: boolean;
  disaster_after_relief?: boolean;
  student_stuck_by_emergency?: boolean;
  hukou?: 'local' | 'residence_permit' | 'elsewhere';
}

// ---- Policy pack ----
export type Reliability = 'seed' | 'national' | 'local' | 'local_official' | 'supplied';
export interface Citation { document: string; article: string; reliability: Reliability }
export type Unit = 'yuan_per_month' | 'yuan_per_year' | 'times_standard' | 'months_of_standard' | 'months' | 'years' | 'working_days' | 'days' | 'ratio' | 'grades';
export interface Dated<T> { value: T; unit: Unit; effective: Day; source: Citation; note?: string | null }
export type Param<T> = Dated<T>[];
export interface PolicyPack {
  format: 1;
  id: string;
  name: string;
  description?: string | null;
  rules: {
    destitute: {
      elderly_age: Param<number>;
      minor_age: Param<number>;
      no_work_capacity_disabilities: Param<{ kind: DisabilityKind; up_to_grade: number }[]>;
      supporter_adult_age?: Param<number> | null;
      supporter_severe_up_to_grade?: Param<number> | null;
    };
    dibao?: { financial_assets_limit_months?: Param<Decimal> | null };
    solo_severely_disabled?: { variant: 'shanxi_2023'; adult_age: Param<number>; severe_up_to_grade: Param<number> } | null;
    marginal_member_solo?: { variant: 'shanxi_2023' | 'shandong_2024'; severe_up_to_grade: Param<number>; mental_intellectual_up_to_grade?: Param<number> | null } | null;
    expenditure_poverty?: { variant: 'shanxi_2022'; asset_limit_months: Param<Decimal> } | null;
    // A number only one variant uses is allowed only beside that variant (a pack that sets it
    // under another is refused at the field).
    marginal:
      | { variant: 'shanxi_2024' | 'guangxi_2024'; multiplier: Param<Decimal> }
      | { variant: 'national_2023'; multiplier: Param<Decimal>; local_upper_multiplier?: Param<Decimal> | null; deferred_by?: Citation | null };
    rigid_expenditure:
      | { variant: 'guangxi_2024'; income_gap_multiplier: Param<Decimal> }
      | { variant: 'national_2024'; spending_ratio?: Param<Decimal> | null; deferred_by?: Citation | null };
    phase_out?: { variant: 'shanxi_2023'; months: Param<number> } | null;
    temporary:
      | { variant: 'shanxi_2023'; months_without_income?: Param<number> | null }
      | { variant: 'shandong_2024' | 'guangxi_2024' | 'national_2014' };
    procedure: {
      variant: 'shanxi_2023' | 'shandong_2024' | 'guangxi_2024' | 'national_2021';
      decision_working_days?: Param<number> | null;
      delegated_decision_working_days?: Param<number> | null;
      extended_working_days?: Param<number> | null;
      publicity_days?: Param<number> | null;
    };
    special_assistance: 'shanxi_2024' | 'shandong_2024' | 'guangxi_2024' | 'national_2023';
  };
  areas?: PolicyArea[];
}
export interface ByAreaKind { urban?: Param<Money> | null; rural?: Param<Money> | null }
export interface PolicyArea { id: string; city: string; district?: string | null; dibao_standard?: ByAreaKind; disposable_income?: ByAreaKind; note?: string | null }

// ---- Assessment (output) ----
export type Category =
  | 'destitute' | 'dibao' | 'expenditure_poverty' | 'dibao_solo_disabled' | 'phase_out'
  | 'dibao_solo_marginal_member' | 'marginal' | 'rigid_expenditure' | 'temporary_assistance';
export type Status = 'likely' | 'needs_local_check' | 'unlikely' | 'not_applicable';
/** A local rule or figure no source gives, on which an unknown condition waits. */
export type LocalRule = 'property' | 'standard' | 'disposable_income' | 'spending_ratio' | 'marginal_multiplier' | 'disability_allowances';
export interface LocalFigure {
  amount: { amount: Money; per: Period };
  annual: Decimal;
  monthly: Decimal;
  origin:
    | { type: 'pack'; area_id: string; area_name: string; area_kind: AreaKind; effective: Day; source: Citation; note: string | null }
    | { type: 'user' };
}
export type Figure = { type: 'quantity'; value: Decimal; unit: string } | { type: 'text'; text: string };
export interface Check {
  key: string;
  label: string;
  figure: Figure | null;
  comparison: 'below' | 'at_most' | 'above' | 'at_least' | null;
  threshold: Figure | null;
  /** Threshold minus figure: positive is room below the threshold. */
  gap: Decimal | null;
  outcome: 'pass' | 'fail' | 'unknown';
  explanation: string;
  citation: Citation;
  /** For an unknown outcome, the local rules it waits on; absent when none. */
  waits_on?: LocalRule[];
  /** For an income test whose 低保标准 is unknown: the monthly standard per person above which it is met. */
  standard_above?: Decimal;
}
export interface Assistance {
  kind: 'medical' | 'education' | 'housing' | 'employment' | 'disaster' | 'temporary' | 'other';
  name: string;
  detail: string;
  citation: Citation;
}
export interface CategoryResult {
  category: Category;
  name: string;
  subject: { type: 'household' } | { type: 'member'; index: number };
  status: Status;
  /** Names the one local rule that decides, when one does ("可能符合——取决于当地财产规定…"). */
  status_label: string;
  /** Set when the standard used is a pack figure 12 months old or more and another standard would
   * change this result: "按2020年标准" (status_label then opens with it). */
  dated_by?: string;
  /** When the result may qualify and one local rule alone is undecided: that rule. */
  decided_by: LocalRule | null;
  /** The local rules its unknown conditions wait on; absent when none. */
  waits_on?: LocalRule[];
  summary: string;
  checks: Check[];
  notes: string[];
  special_assistance: Assistance[];
}
export interface Guidance { text: string; citation: Citation | null }
/** A category a line of `by_standard` leads with, as assessed at those standards. */
export interface Lead {
  category: Category;
  subject: { type: 'household' } | { type: 'member'; index: number };
  name: string;
  status: Status;
  status_label: string;
}
/** One range of monthly standards (元/人/月, whole fen) and what the household may qualify for there. */
export interface LadderLine {
  /** Standards strictly above this; null: from the lowest. */
  above: Decimal | null;
  /** Standards up to and including this; null: no upper end. */
  at_most: Decimal | null;
  /** Best first; 临时救助 only when nothing else is open; empty: nothing. */
  leads: Lead[];
  /** "当地低保标准高于375元，很可能符合：最低生活保障（低保）" */
  sentence: string;
}
export interface Assessment {
  as_of: Day;
  pack: { id: string; name: string };
  standard: LocalFigure | null;
  disposable_income: LocalFigure | null;
  household: {
    members: number;
    /** Relations and ages, no names: "申请人本人45岁、配偶43岁". */
    composition: string;
    /** Each member, without a name: relation, age, then what the rules read (work, disability kind,
     * grade and care, illness, schooling and fees, supporter): "配偶43岁：无业；患重病，仍在治疗". */
    members_in_words: string[];
    /** The household's circumstances some rules read, in words (receiving 低保, months without income
     * after losing work, sudden hardship, disaster, 户籍 elsewhere, vehicles and homes). */
    circumstances: string[];
    /** The pack's area and 城市/农村: "太原市城镇（城市）". */
    area: string;
    counted_income: Decimal;
    not_counted_income: Decimal;
    locally_decided_income: Decimal;
    deductions: Decimal;
    net_income: Decimal;
    per_capita_monthly_income: Decimal;
    rigid_spending: Decimal;
    financial_assets: Decimal;
  };
  ladder: { label: string; monthly: Decimal }[];
  /** When the 低保标准 is unknown or 12 months old or more: the answer at every standard, highest first. */
  by_standard: { lines: LadderLine[] } | null;
  /** A city whose districts' standards differ, no district given: the answer at the lowest and the highest. */
  by_district?: { standard: LocalFigure; districts: string; leads: Lead[]; sentence: string }[];
  /** Without a standard: what the first line of by_standard with a lead leads with. */
  best: { category: Category; name: string; status: Status; status_label: string } | null;
  results: CategoryResult[];
  how_to_apply: {
    where_to_apply: Guidance[];
    documents: { name: string; reason: string }[];
    documents_source: Citation;
    time_limits: Guidance[];
    duties: Guidance[];
  };
  warnings: string[];
  disclaimer: string;
}
