//! `assess`: the engine on the command line.
//!
//! ```text
//! assess household.json [--policy pack.json] [--date YYYY-MM-DD] [--text]
//! assess --check-policy pack.json
//! assess --coverage [--date YYYY-MM-DD]
//! assess --batch households.jsonl [--policy pack.json] [--date YYYY-MM-DD] [--threads N]
//! assess --batch households.csv --csv [--policy pack.json] [--date YYYY-MM-DD] [--threads N]
//! assess --to-csv households.jsonl > households.csv
//! ```
//! `-` reads from standard input. Exit codes: 0 done, 1 the input was refused (with every message on
//! standard error), 2 the command line or a file could not be read.

use std::process::ExitCode;

use low_income_check::clock::today;
use low_income_check::engine::policy::{builtin, MAX_PACK_BYTES};
use low_income_check::engine::{assess, AssessError, Day, FieldError, PolicyPack};
use low_income_check::format::{parse_household, MAX_HOUSEHOLD_BYTES};
use low_income_check::report::render_text;

const USAGE: &str = "用法：
  assess <household.json> [--policy <pack.json>] [--date YYYY-MM-DD] [--text]
  assess --check-policy <pack.json>
  assess --coverage [--date YYYY-MM-DD]
  assess --batch <households.jsonl> [--policy <pack.json>] [--date YYYY-MM-DD] [--threads N]
  assess --batch <households.csv> --csv [--policy <pack.json>] [--date YYYY-MM-DD] [--threads N]
  assess --to-csv <households.jsonl>
文件名写 - 表示从标准输入读取。
  --policy  使用自己的政策包（默认使用家庭文件 place.pack 指定的内置政策包，缺省为 national）
  --date    评估日期（优先于家庭文件的 as_of；都没有时为今天，北京时间）
  --text    输出可读的文字报告，而不是 JSON
  --coverage  列出内置政策包各市低保标准的覆盖情况：12个月内、更早、没有
  --batch   批量筛查：每行一户（JSON Lines，可带 id），每户输出一行结果，最后一行是汇总
  --csv     批量筛查的输入是表格（CSV，每位成员一行，同一户编号的行相邻；UTF-8 或 GBK），
            模板见 examples/batch-template.csv；列名有误时不评估任何一户，退出码为 1
  --to-csv  把 JSON Lines 的家庭转成上述表格（UTF-8，带 BOM，Excel 可直接打开）
  --threads 批量筛查使用的线程数（默认：全部处理器核心）";

enum Command {
    Assess { household: String, policy: Option<String>, date: Option<String>, text: bool },
    CheckPolicy(String),
    Coverage { date: Option<String> },
    Batch { input: String, policy: Option<String>, date: Option<String>, threads: Option<usize>, csv: bool },
    ToCsv(String),
    Help,
}

fn parse_args() -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut household = None;
    let mut policy = None;
    let mut date = None;
    let mut text = false;
    let mut check = None;
    let mut coverage = false;
    let mut batch = false;
    let mut csv = false;
    let mut to_csv = None;
    let mut threads = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("policy") => policy = Some(value(&mut parser)?),
            Long("date") => date = Some(value(&mut parser)?),
            Long("text") => text = true,
            Long("check-policy") => check = Some(value(&mut parser)?),
            Long("coverage") => coverage = true,
            Long("batch") => batch = true,
            Long("csv") => csv = true,
            Long("to-csv") => to_csv = Some(value(&mut parser)?),
            Long("threads") => {
                threads = Some(
                    value(&mut parser)?
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=256).contains(n))
                        .ok_or("--threads 应是 1 到 256 之间的整数")?,
                )
            }
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(v) if household.is_none() => {
                household = Some(v.string().map_err(|_| "文件名不是有效的 UTF-8".to_string())?)
            }
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    if let Some(input) = to_csv {
        return match (batch, csv, check, household, coverage, text, policy, date, threads) {
            (false, false, None, None, false, false, None, None, None) => Ok(Command::ToCsv(input)),
            _ => Err("--to-csv 只需要一个 JSON Lines 文件，不能与其他选项一起使用".to_string()),
        };
    }
    if csv && !batch {
        return Err("--csv 只用于 --batch".to_string());
    }
    if batch {
        return match (check, household, coverage, text) {
            (None, Some(input), false, false) => Ok(Command::Batch { input, policy, date, threads, csv }),
            _ => {
                Err("--batch 需要一个 JSON Lines 文件，不能与 --check-policy、--coverage、--text 一起使用".to_string())
            }
        };
    }
    if coverage {
        return match (check, household) {
            (None, None) => Ok(Command::Coverage { date }),
            _ => Err("--coverage 不能与家庭文件或 --check-policy 一起使用".to_string()),
        };
    }
    match (check, household) {
        (Some(pack), None) => Ok(Command::CheckPolicy(pack)),
        (Some(_), Some(_)) => Err("--check-policy 不能与家庭文件一起使用".to_string()),
        (None, Some(household)) => Ok(Command::Assess { household, policy, date, text }),
        (None, None) => Err("缺少家庭文件".to_string()),
    }
}

fn value(parser: &mut lexopt::Parser) -> Result<String, String> {
    use lexopt::ValueExt;
    parser.value().map_err(|e| e.to_string())?.string().map_err(|_| "参数不是有效的 UTF-8".to_string())
}

/// Reads a file or standard input, but never more than `limit` bytes: past it the input is refused
/// (exit 1, as for any refused input) without reading the rest, so `yes | assess -` or
/// `assess /dev/zero` stops at once instead of filling memory. A file that cannot be read is exit 2.
fn read(path: &str, limit: usize) -> Result<String, ExitCode> {
    use std::io::Read;
    let fail = |message: String, code: u8| {
        eprintln!("{message}");
        ExitCode::from(code)
    };
    let mut bytes = Vec::new();
    let reader: Result<Box<dyn Read>, std::io::Error> = if path == "-" {
        Ok(Box::new(std::io::stdin()))
    } else {
        std::fs::File::open(path).map(|f| Box::new(f) as Box<dyn Read>)
    };
    let shown = if path == "-" { "标准输入".to_string() } else { path.to_string() };
    reader
        .and_then(|r| r.take(limit as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(format!("无法读取 {shown}：{e}"), 2))?;
    if bytes.len() > limit {
        return Err(fail(format!("{shown} 超过 {limit} 字节的上限，已停止读取"), 1));
    }
    String::from_utf8(bytes).map_err(|_| fail(format!("{shown} 不是 UTF-8 文本"), 2))
}

/// A file or standard input, buffered, for the streaming commands (exit 2 when it cannot be opened).
fn open(path: &str) -> Result<Box<dyn std::io::BufRead>, ExitCode> {
    if path == "-" {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    match std::fs::File::open(path) {
        Ok(file) => Ok(Box::new(std::io::BufReader::new(file))),
        Err(e) => {
            eprintln!("无法读取 {path}：{e}");
            Err(ExitCode::from(2))
        }
    }
}

fn print_errors(what: &str, errors: &[FieldError]) {
    eprintln!("{what}有误：");
    for e in errors {
        eprintln!("  {e}");
    }
}

fn load_pack(path: Option<&str>, builtin_id: Option<&str>) -> Result<PolicyPack, ExitCode> {
    match path {
        Some(path) => {
            let text = read(path, MAX_PACK_BYTES)?;
            PolicyPack::from_json(&text).map_err(|errors| {
                print_errors("政策包", &errors);
                ExitCode::from(1)
            })
        }
        None => {
            let id = builtin_id.unwrap_or("national");
            match builtin::load(id) {
                Some(Ok(pack)) => Ok(pack),
                Some(Err(errors)) => {
                    print_errors("内置政策包", &errors);
                    Err(ExitCode::from(1))
                }
                None => {
                    eprintln!("没有内置政策包“{}”；可用：{}", id, builtin::IDS.join("、"));
                    Err(ExitCode::from(1))
                }
            }
        }
    }
}

fn run() -> Result<(), ExitCode> {
    let command = parse_args().map_err(|e| {
        eprintln!("{e}\n\n{USAGE}");
        ExitCode::from(2)
    })?;
    match command {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::Coverage { date } => {
            let day = match date {
                Some(d) => Day::parse(&d).map_err(|e| {
                    eprintln!("--date：{e}");
                    ExitCode::from(2)
                })?,
                None => today(),
            };
            let packs: Vec<PolicyPack> = builtin::IDS.iter().filter_map(|id| builtin::load(id)?.ok()).collect();
            print!("{}", low_income_check::coverage::report(&packs, day));
            Ok(())
        }
        Command::ToCsv(input) => {
            let reader = open(&input)?;
            match low_income_check::batch::csv::from_json_lines(reader, std::io::stdout().lock()) {
                Ok(skipped) if skipped.is_empty() => Ok(()),
                Ok(skipped) => {
                    for message in &skipped {
                        eprintln!("{message}");
                    }
                    Err(ExitCode::from(1))
                }
                Err(e) => {
                    eprintln!("转换中断：{e}");
                    Err(ExitCode::from(2))
                }
            }
        }
        Command::Batch { input, policy, date, threads, csv } => {
            let policy = match policy {
                Some(path) => Some(load_pack(Some(&path), None)?),
                None => None,
            };
            let date = match date {
                Some(d) => Some(Day::parse(&d).map_err(|e| {
                    eprintln!("--date：{e}");
                    ExitCode::from(2)
                })?),
                None => None,
            };
            let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let options = low_income_check::batch::Options { policy, date, today: today(), threads };
            let reader = open(&input)?;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let run = if csv {
                low_income_check::batch::run_csv(reader, &mut out, &options)
            } else {
                low_income_check::batch::run(reader, &mut out, &options)
            };
            match run {
                Ok(summary) => {
                    let what = if csv { "户" } else { "行" };
                    eprintln!(
                        "已评估 {} 户，{} {what}有误（见输出中的 errors 记录）",
                        summary.households, summary.refused
                    );
                    Ok(())
                }
                // The sheet's header is wrong: nothing was assessed, and the officer should see why
                // here rather than only in the output file.
                Err(e) if low_income_check::batch::csv::HeaderRefused::of(&e).is_some() => {
                    eprintln!("表格的列名有误，未评估任何一户：\n{e}");
                    Err(ExitCode::from(1))
                }
                Err(e) => {
                    eprintln!("批量筛查中断：{e}");
                    Err(ExitCode::from(2))
                }
            }
        }
        Command::CheckPolicy(path) => {
            let pack = load_pack(Some(&path), None)?;
            println!("政策包有效：{}（{}），{} 个地区", pack.name, pack.id, pack.areas.len());
            Ok(())
        }
        Command::Assess { household, policy, date, text } => {
            let source = read(&household, MAX_HOUSEHOLD_BYTES)?;
            let household = parse_household(&source).map_err(|errors| {
                print_errors("家庭信息", &errors);
                ExitCode::from(1)
            })?;
            let pack = load_pack(policy.as_deref(), household.place.pack.as_deref())?;
            let mut household = household;
            // An explicit --date wins over the file's as_of; without either, today.
            if let Some(d) = date {
                household.as_of = Some(Day::parse(&d).map_err(|e| {
                    eprintln!("--date：{e}");
                    ExitCode::from(2)
                })?);
            }
            let assessment = assess(&household, &pack, today()).map_err(|e| {
                match e {
                    AssessError::Invalid(errors) => print_errors("家庭信息", &errors),
                    other => eprintln!("{other}"),
                }
                ExitCode::from(1)
            })?;
            if text {
                print!("{}", render_text(&assessment));
            } else {
                match serde_json::to_string_pretty(&assessment) {
                    Ok(json) => println!("{json}"),
                    Err(e) => {
                        eprintln!("无法输出结果：{e}");
                        return Err(ExitCode::from(1));
                    }
                }
            }
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}
