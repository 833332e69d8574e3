//! Rows of a CSV file, one at a time, each bounded: csv-core parses into buffers of our size, so a
//! row past [`MAX_ROW_BYTES`] or [`MAX_COLUMNS`] is read to its end without being kept, and memory
//! stays the same whatever the file. Rows are numbered as a spreadsheet shows them: the header is
//! row 1, an empty line is a row, a cell with line breaks inside is still one row. A row ends at
//! `\r\n`, `\n` or a lone `\r` (as csv-core reads them, and as old Mac Excel saves a sheet), so the
//! rows are counted here ([`RowEnds`]): csv-core's own `line()` counts only `\n`, and would number
//! every row of a `\r` file 1.
//!
//! The text encoding is decided once, by the first row with any non-ASCII byte (normally the
//! header): UTF-8 when that row is valid UTF-8, else GB18030 (which reads GBK, what Excel on Chinese
//! Windows saves as “CSV (逗号分隔)”). One row decides because a short GBK text can pass for UTF-8
//! (the bytes of “联通” do), while a row of Chinese headers cannot.

use std::borrow::Cow;
use std::io::BufRead;

use csv_core::ReadRecordResult;

use super::{MAX_COLUMNS, MAX_ROW_BYTES};

/// Why a row could not be read whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fault {
    TooLong,
    TooManyColumns,
    NotUtf8,
    NotGb18030,
}

impl Fault {
    pub(super) fn message(self) -> String {
        match self {
            Fault::TooLong => format!("这一行超过上限（{} KB），已跳过", MAX_ROW_BYTES / 1024),
            Fault::TooManyColumns => format!("这一行超过 {MAX_COLUMNS} 列，已跳过"),
            Fault::NotUtf8 => "这一行不是 UTF-8 文本，而文件前面的行是；请整个文件用同一种编码保存".to_string(),
            Fault::NotGb18030 => "这一行有无法识别的字符（文件按 GBK/GB18030 编码读取）".to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Undecided,
    Utf8,
    Gb18030,
}

/// A row as read: its number, its cells (trimmed; only as many as were kept when the row is too
/// long) and what went wrong, if anything.
#[derive(Debug)]
pub(super) struct Row {
    pub number: usize,
    pub cells: Vec<String>,
    pub fault: Option<Fault>,
}

/// The rows of a file.
pub(super) struct Rows<R> {
    input: R,
    parser: csv_core::Reader,
    /// The kept bytes of the row being read, at most [`MAX_ROW_BYTES`].
    kept: Vec<u8>,
    /// Where bytes past the bound go, to be dropped.
    spill: Vec<u8>,
    /// The end of each field of the row, as if its bytes were contiguous.
    ends: Vec<usize>,
    spill_ends: Vec<usize>,
    /// The row ends read so far, and the row the record being read started on.
    row_ends: RowEnds,
    encoding: Encoding,
    done: bool,
}

impl<R: BufRead> Rows<R> {
    pub(super) fn new(input: R) -> Rows<R> {
        Rows {
            input,
            parser: csv_core::Reader::new(),
            kept: vec![0; MAX_ROW_BYTES],
            spill: vec![0; 8 * 1024],
            ends: vec![0; MAX_COLUMNS + 1],
            spill_ends: vec![0; 64],
            row_ends: RowEnds::default(),
            encoding: Encoding::Undecided,
            done: false,
        }
    }

    /// The next row, or `None` at the end of the input.
    pub(super) fn next_row(&mut self) -> std::io::Result<Option<Row>> {
        if self.done {
            return Ok(None);
        }
        let (mut out_len, mut ends_len) = (0usize, 0usize);
        let (mut too_long, mut too_many) = (false, false);
        loop {
            let input = self.input.fill_buf()?;
            let out: &mut [u8] =
                if too_long { &mut self.spill } else { self.kept.get_mut(out_len..).unwrap_or(&mut []) };
            let ends: &mut [usize] =
                if too_many { &mut self.spill_ends } else { self.ends.get_mut(ends_len..).unwrap_or(&mut []) };
            let (result, read, written, ended) = self.parser.read_record(input, out, ends);
            self.row_ends.feed(input.get(..read).unwrap_or(&[]));
            self.input.consume(read);
            if !too_long {
                out_len += written;
            }
            if !too_many {
                ends_len += ended;
            }
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => too_long = true,
                ReadRecordResult::OutputEndsFull => too_many = true,
                ReadRecordResult::Record => break,
                ReadRecordResult::End => {
                    self.done = true;
                    return Ok(None);
                }
            }
        }
        let number = usize::try_from(self.row_ends.started).unwrap_or(usize::MAX);
        let fault = if too_long {
            Some(Fault::TooLong)
        } else if too_many {
            Some(Fault::TooManyColumns)
        } else {
            None
        };
        let (cells, bad_text) = self.cells(out_len, ends_len);
        Ok(Some(Row { number, cells, fault: fault.or(bad_text) }))
    }

    /// The row's fields that were kept whole, decoded and trimmed.
    fn cells(&mut self, out_len: usize, ends_len: usize) -> (Vec<String>, Option<Fault>) {
        let kept = self.kept.get(..out_len).unwrap_or(&[]);
        if self.encoding == Encoding::Undecided && !kept.is_ascii() {
            // A row cut at the bound may end inside a character: that alone does not make it GBK.
            let utf8 = match std::str::from_utf8(kept) {
                Ok(_) => true,
                Err(e) => e.error_len().is_none(),
            };
            self.encoding = if utf8 { Encoding::Utf8 } else { Encoding::Gb18030 };
        }
        let mut cells = Vec::new();
        let mut start = 0;
        let mut fault = None;
        for &end in self.ends.get(..ends_len).unwrap_or(&[]) {
            let Some(bytes) = kept.get(start..end) else { break };
            start = end;
            let text: Cow<str> = match self.encoding {
                Encoding::Undecided | Encoding::Utf8 => match std::str::from_utf8(bytes) {
                    Ok(text) => Cow::Borrowed(text),
                    Err(_) => {
                        fault = fault.or(Some(Fault::NotUtf8));
                        Cow::Borrowed("")
                    }
                },
                Encoding::Gb18030 => {
                    match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                        Some(text) => text,
                        None => {
                            fault = fault.or(Some(Fault::NotGb18030));
                            Cow::Borrowed("")
                        }
                    }
                }
            };
            cells.push(text.trim().to_string());
        }
        (cells, fault)
    }
}

/// Where csv-core is in a row, as far as line ends go: whether a `\r` or `\n` ends the row or is
/// text inside a quoted cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Place {
    /// Before a row: line ends here are empty lines (csv-core skips them, a spreadsheet counts them).
    #[default]
    RowStart,
    /// At the start of a cell: a `"` opens a quoted cell.
    CellStart,
    /// In a cell that is not quoted: a `"` is text.
    Unquoted,
    /// In a quoted cell: line ends are text.
    Quoted,
    /// Just after a `"` in a quoted cell: another `"` is one `"` of text, anything else closes it.
    QuotedQuote,
}

/// Counts the row ends of a file as a spreadsheet numbers rows: `\n`, `\r\n` and a lone `\r` each end
/// one, outside quoted cells. It follows csv-core's reading (its default `Reader`: `,`, `"` doubled
/// to quote, any of the three line ends) byte by byte, over exactly the bytes csv-core consumed,
/// so a `\r\n` split between two reads, or between two records, is still one row end.
#[derive(Debug, Default)]
struct RowEnds {
    place: Place,
    /// The last byte was a `\r` that ended a row: a `\n` right after it is the same row end.
    after_cr: bool,
    /// Row ends so far.
    ends: u64,
    /// The row the latest record started on, 1-based.
    started: u64,
    /// Whether bytes were fed yet: csv-core drops a UTF-8 byte-order mark at the very start.
    fed: bool,
}

impl RowEnds {
    fn feed(&mut self, mut bytes: &[u8]) {
        if !self.fed {
            self.fed = true;
            bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        }
        for &byte in bytes {
            let line_end = matches!(byte, b'\r' | b'\n');
            let (place, ends_row) = match (self.place, byte) {
                (Place::Quoted, b'"') => (Place::QuotedQuote, false),
                (Place::Quoted, _) => (Place::Quoted, false),
                (_, b'\r' | b'\n') => (Place::RowStart, true),
                (Place::RowStart | Place::CellStart, b'"') => (Place::Quoted, false),
                (Place::QuotedQuote, b'"') => (Place::Quoted, false),
                (_, b',') => (Place::CellStart, false),
                _ => (Place::Unquoted, false),
            };
            if self.place == Place::RowStart && !line_end {
                self.started = self.ends.saturating_add(1);
            }
            if ends_row && !(byte == b'\n' && self.after_cr) {
                self.ends = self.ends.saturating_add(1);
            }
            self.after_cr = ends_row && byte == b'\r';
            self.place = place;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(input: &[u8]) -> Vec<(usize, Vec<String>, Option<Fault>)> {
        let mut rows = Rows::new(input);
        let mut all = Vec::new();
        while let Some(row) = rows.next_row().expect("read") {
            all.push((row.number, row.cells, row.fault));
        }
        all
    }

    fn numbers(input: &[u8]) -> Vec<usize> {
        rows(input).into_iter().map(|(n, _, _)| n).collect()
    }

    /// The rows' numbers and cells read `size` bytes at a time, so that every pair of bytes (a
    /// `\r\n` among them) is split between two reads somewhere.
    fn rows_in_pieces(input: &[u8], size: usize) -> Vec<(usize, Vec<String>)> {
        let mut rows = Rows::new(std::io::BufReader::with_capacity(size, input));
        let mut all = Vec::new();
        while let Some(row) = rows.next_row().expect("read") {
            all.push((row.number, row.cells));
        }
        all
    }

    #[test]
    fn rows_ended_by_a_lone_cr_are_numbered_as_rows_ended_by_lf_or_crlf() {
        assert_eq!(numbers(b"a,b\r1,2\r3,4\r"), [1, 2, 3]);
        assert_eq!(numbers(b"a,b\r\r1,2\r\r\r3,4"), [1, 3, 6], "empty lines are rows");
        assert_eq!(numbers(b"a,b\r\"x\ry\rz\",2\r3,4\r"), [1, 2, 3], "line breaks in a cell");
        assert_eq!(numbers(b"a,b\n\r1,2\r\n\r3,4"), [1, 3, 5], "a \\n then a \\r are two row ends");
        assert_eq!(numbers(b"\xef\xbb\xbf\"a\rb\",c\r1,2\r"), [1, 2], "a quoted cell right after the byte-order mark");
    }

    /// A sheet as rows of cells, each cell plain text, empty, or quoted (with `"` and line breaks
    /// inside); a row of one empty cell is an empty line.
    fn sheet_rows() -> impl proptest::strategy::Strategy<Value = Vec<Vec<(bool, String)>>> {
        use proptest::prelude::*;
        let plain = proptest::string::string_regex("[a-z]{0,3}").expect("regex").prop_map(|t| (false, t));
        let quoted = proptest::string::string_regex("[a,\"\n]{0,5}").expect("regex").prop_map(|t| (true, t));
        proptest::collection::vec(proptest::collection::vec(prop_oneof![plain, quoted], 1..4), 1..8)
    }

    /// The sheet written with `end` between rows and for every line break inside a cell, the last
    /// row ended or not.
    fn written(sheet: &[Vec<(bool, String)>], end: &str, last_ended: bool) -> Vec<u8> {
        let rows: Vec<String> = sheet
            .iter()
            .map(|row| {
                let cells: Vec<String> = row
                    .iter()
                    .map(|(quoted, text)| match quoted {
                        true => format!("\"{}\"", text.replace('"', "\"\"").replace('\n', end)),
                        false => text.clone(),
                    })
                    .collect();
                cells.join(",")
            })
            .collect();
        let mut text = rows.join(end);
        if last_ended {
            text.push_str(end);
        }
        text.into_bytes()
    }

    proptest::proptest! {
        #[test]
        fn each_row_is_numbered_by_its_place_whatever_the_line_ends_and_however_the_input_is_split(
            sheet in sheet_rows(),
            last_ended in proptest::bool::ANY,
            size in 1usize..6,
        ) {
            // A spreadsheet's row k is the sheet's k-th line; an empty line is not read but counted.
            let expected: Vec<(usize, Vec<String>)> = sheet
                .iter()
                .enumerate()
                .filter(|(_, row)| !matches!(row.as_slice(), [(false, text)] if text.is_empty()))
                .map(|(k, row)| (k + 1, row.iter().map(|(_, text)| text.trim().to_string()).collect()))
                .collect();
            for end in ["\n", "\r\n", "\r"] {
                let input = written(&sheet, end, last_ended);
                let read: Vec<(usize, Vec<String>)> = rows_in_pieces(&input, size)
                    .into_iter()
                    .map(|(n, cells)| (n, cells.into_iter().map(|c| c.replace(end, "\n")).collect()))
                    .collect();
                proptest::prop_assert_eq!(&read, &expected, "{:?} in pieces of {}", end, size);
            }
        }
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        assert_eq!(numbers(b"a,b\n1,2\n3,4\n"), [1, 2, 3]);
        assert_eq!(numbers(b"a,b\r\n1,2\r\n3,4\r\n"), [1, 2, 3]);
        assert_eq!(numbers(b"a,b\r\n1,2\r\n3,4"), [1, 2, 3], "no line break at the end");
        assert_eq!(numbers(b"a,b\n\n1,2\n\n\n3,4\n"), [1, 3, 6], "empty lines are rows");
        assert_eq!(numbers(b"a,b\r\n\r\n1,2\r\n3,4"), [1, 3, 4]);
        assert_eq!(numbers(b"a,b\n\"x\ny\nz\",2\n3,4\n"), [1, 2, 3], "line breaks in a cell");
        assert_eq!(numbers(b"\xef\xbb\xbfa,b\n1,2\n"), [1, 2]);
    }

    #[test]
    fn gbk_is_read_when_the_first_row_with_chinese_is_not_utf8() {
        let (gbk, _, _) = encoding_rs::GBK.encode("户编号,年龄\nA1,联通\n");
        let read = rows(&gbk);
        assert_eq!(read[0].1, ["户编号", "年龄"]);
        assert_eq!(read[1].1, ["A1", "联通"]);
        assert_eq!(read[1].2, None);
    }

    #[test]
    fn a_row_too_long_keeps_its_first_cells_and_the_next_row_is_read() {
        let long = format!("A1,{}\nA2,3\n", "x".repeat(MAX_ROW_BYTES * 2));
        let read = rows(long.as_bytes());
        assert_eq!(read[0].1, ["A1"]);
        assert_eq!(read[0].2, Some(Fault::TooLong));
        assert_eq!((read[1].0, read[1].1.clone(), read[1].2), (2, vec!["A2".to_string(), "3".to_string()], None));
        let wide = format!("{}\nA2,3\n", "1,".repeat(MAX_COLUMNS * 3));
        let read = rows(wide.as_bytes());
        assert_eq!(read[0].2, Some(Fault::TooManyColumns));
        assert_eq!(read[1].1, ["A2", "3"]);
    }
}
