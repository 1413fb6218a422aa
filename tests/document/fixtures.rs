//! Test documents built in code (nothing downloaded, nothing checked in):
//! real-looking resumes as PDF (one and two columns), DOCX, ODT and text in
//! several encodings, plus hostile files. Shared by the tests and the
//! `document` bench.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::io::Write;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat, dictionary};
use zip::write::SimpleFileOptions;

// ---------------------------------------------------------------- words

/// The words of a text, lowercased, with surrounding punctuation removed
/// but inner punctuation kept (`c++`, `node.js`, `jane.doe@example.com`).
pub fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || c == '|' || c == '•')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

// ---------------------------------------------------------------- text

pub const RESUME_TEXT: &str = "José Müller
Senior Backend Engineer, Zürich
jose.muller@example.com | +41 44 555 01 23

Summary
Backend engineer with ten years of experience building payment platforms.

Skills
Rust, Go, C++, Node.js, Kubernetes, PostgreSQL, Redis, Terraform

Experience
Senior Engineer, Façade Payments AG, 2019 - 2024
- Migrated the ledger to PostgreSQL and cut query latency by 40%
- Ran Kubernetes clusters for 30 services; naïve caching removed

Education
M.Sc. Computer Science, ETH Zürich
";

pub fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// Latin-1 (ISO 8859-1): only for text whose characters fit in it.
pub fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

// ---------------------------------------------------------------- PDF

/// One page of a PDF under construction, in points (US Letter, y up).
#[derive(Default)]
pub struct PdfPage {
    operations: Vec<Operation>,
}

fn win_ansi(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

/// Widths of Helvetica's capitals in ems (Adobe's Helvetica AFM metrics).
fn helvetica_capital_width(letter: char) -> f64 {
    match letter {
        'I' => 0.278,
        'A' | 'P' => 0.667,
        'C' | 'H' | 'R' => 0.722,
        'G' => 0.778,
        _ => 0.667,
    }
}

impl PdfPage {
    fn begin(&mut self, font: &str, size: f64, x: f64, y: f64) {
        self.operations.push(Operation::new("BT", vec![]));
        self.operations
            .push(Operation::new("Tf", vec![font.into(), (size as f32).into()]));
        self.operations
            .push(Operation::new("Td", vec![(x as f32).into(), (y as f32).into()]));
    }

    fn end(&mut self) {
        self.operations.push(Operation::new("ET", vec![]));
    }

    /// One line at (`x`, `y`) in `font`, shown with one `Tj` of `bytes`.
    fn show_line(&mut self, font: &str, x: f64, y: f64, size: f64, bytes: Vec<u8>, format: StringFormat) -> &mut Self {
        self.begin(font, size, x, y);
        self.operations
            .push(Operation::new("Tj", vec![Object::String(bytes, format)]));
        self.end();
        self
    }

    /// A line shown with one `Tj`, spaces included (word processors).
    pub fn text(&mut self, x: f64, y: f64, size: f64, text: &str) -> &mut Self {
        self.show_line("F1", x, y, size, win_ansi(text), StringFormat::Literal)
    }

    /// A line turned a quarter turn to run up the page from (`x`, `y`),
    /// each letter its own `Tj` moved on by `Td` (what design tools write
    /// for a title along a sidebar).
    pub fn text_turned_up(&mut self, x: f64, y: f64, size: f64, text: &str) -> &mut Self {
        self.operations.push(Operation::new("q", vec![]));
        let turn: Vec<Object> = [0.0f32, 1.0, -1.0, 0.0, x as f32, y as f32]
            .into_iter()
            .map(Object::from)
            .collect();
        self.operations.push(Operation::new("cm", turn));
        self.begin("F1", size, 0.0, 0.0);
        let mut previous: Option<char> = None;
        for letter in text.chars() {
            if let Some(previous) = previous {
                let advance = (helvetica_capital_width(previous) * size) as f32;
                self.operations
                    .push(Operation::new("Td", vec![advance.into(), 0.0f32.into()]));
            }
            self.operations.push(Operation::new(
                "Tj",
                vec![Object::String(win_ansi(&letter.to_string()), StringFormat::Literal)],
            ));
            previous = Some(letter);
        }
        self.end();
        self.operations.push(Operation::new("Q", vec![]));
        self
    }

    /// A line shown with one `TJ` whose words are separated by position
    /// adjustments instead of space glyphs, with a little kerning inside
    /// words (what TeX writes).
    pub fn text_kerned(&mut self, x: f64, y: f64, size: f64, text: &str) -> &mut Self {
        self.begin("F1", size, x, y);
        let mut items = Vec::new();
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 {
                items.push(Object::Real(-333.0));
            }
            let (head, tail) = word.split_at(word.len() / 2);
            items.push(Object::String(win_ansi(head), StringFormat::Literal));
            items.push(Object::Real(15.0));
            items.push(Object::String(win_ansi(tail), StringFormat::Literal));
        }
        self.operations.push(Operation::new("TJ", vec![Object::Array(items)]));
        self.end();
        self
    }

    /// A line in the font whose code 1 is the "fi" ligature glyph.
    pub fn text_with_ligatures(&mut self, x: f64, y: f64, size: f64, text: &str) -> &mut Self {
        let bytes = win_ansi(&text.replace("fi", "\u{1}"));
        self.show_line("F2", x, y, size, bytes, StringFormat::Literal)
    }

    /// A line in a subset font whose codes are arbitrary (1, 2, 3, ...) and
    /// whose glyph names mean nothing: only its `/ToUnicode` map tells
    /// what the text says, as in many embedded-font PDFs.
    pub fn text_in_subset_font(&mut self, x: f64, y: f64, size: f64, text: &str) -> &mut Self {
        let bytes = text.chars().map(subset_code).collect();
        self.show_line("F3", x, y, size, bytes, StringFormat::Hexadecimal)
    }

    /// A line in a Word-style font: WinAnsi codes, with a `/ToUnicode`
    /// map that declares two-byte codes yet lists one-byte ones, and leaves
    /// out the characters of [`WORD_MAP_GAPS`].
    pub fn text_in_word_font(&mut self, x: f64, y: f64, size: f64, text: &str) -> &mut Self {
        self.show_line("F5", x, y, size, win_ansi(text), StringFormat::Literal)
    }

    /// Words separated only by `TJ` moves, as `spacing` says.
    pub fn text_spaced(&mut self, x: f64, y: f64, size: f64, text: &str, spacing: TjSpacing) -> &mut Self {
        self.begin("F1", size, x, y);
        self.operations
            .push(Operation::new("Tc", vec![(spacing.char_spacing as f32).into()]));
        let mut items = Vec::new();
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 {
                items.push(Object::Real(-spacing.word as f32));
            }
            for (j, letter) in word.chars().enumerate() {
                if j > 0 {
                    items.push(Object::Real(-spacing.letter as f32));
                }
                items.push(Object::String(win_ansi(&letter.to_string()), StringFormat::Literal));
            }
        }
        self.operations.push(Operation::new("TJ", vec![Object::Array(items)]));
        self.end();
        self
    }

    /// `shown` drawn inside marked content whose `/ActualText` is `actual`.
    pub fn text_with_actual_text(&mut self, x: f64, y: f64, size: f64, shown: &str, actual: &str) -> &mut Self {
        self.operations.push(Operation::new(
            "BDC",
            vec![
                "Span".into(),
                dictionary! { "ActualText" => Object::string_literal(actual) }.into(),
            ],
        ));
        self.text(x, y, size, shown);
        self.operations.push(Operation::new("EMC", vec![]));
        self
    }

    /// A line in a two-byte font with no `/ToUnicode` map: undecodable.
    pub fn text_without_unicode_map(&mut self, x: f64, y: f64, size: f64, glyphs: usize) -> &mut Self {
        let bytes = (0..glyphs as u16).flat_map(|g| (g + 3).to_be_bytes()).collect();
        self.show_line("F4", x, y, size, bytes, StringFormat::Hexadecimal)
    }

    /// A full-page picture: what a scanner produces.
    pub fn full_page_image(&mut self) -> &mut Self {
        self.operations.push(Operation::new("q", vec![]));
        self.operations.push(Operation::new(
            "cm",
            vec![612.into(), 0.into(), 0.into(), 792.into(), 0.into(), 0.into()],
        ));
        self.operations.push(Operation::new("Do", vec!["Im1".into()]));
        self.operations.push(Operation::new("Q", vec![]));
        self
    }

    /// Scales everything after it by `factor` without saving the state
    /// first (`cm` with no `q`), as Skia (Chromium's printing) writes its
    /// pages.
    pub fn scaled_unsaved(&mut self, factor: f64) -> &mut Self {
        let factor = factor as f32;
        self.operations.push(Operation::new(
            "cm",
            vec![factor.into(), 0.into(), 0.into(), factor.into(), 0.into(), 0.into()],
        ));
        self
    }

    /// Draws the form XObject `X1`, which draws itself again.
    pub fn self_drawing_form(&mut self) -> &mut Self {
        self.operations.push(Operation::new("Do", vec!["X1".into()]));
        self
    }
}

/// The characters the subset font `F3` has, in code order from 1.
const SUBSET_ALPHABET: &str = " ,.:+CDJKLNPQRSTabcdeghijklmnoprstuvwyz";

fn subset_code(c: char) -> u8 {
    let index = SUBSET_ALPHABET
        .chars()
        .position(|a| a == c)
        .expect("a character of the subset");
    index as u8 + 1
}

/// How [`PdfPage::text_spaced`] spaces its text: `TJ` moves between words
/// and between letters (thousandths of an em), and character spacing `Tc`.
pub struct TjSpacing {
    pub word: f64,
    pub letter: f64,
    pub char_spacing: f64,
}

/// Characters the Word-style font's `/ToUnicode` map leaves out, read
/// from its WinAnsi encoding instead.
pub const WORD_MAP_GAPS: &str = "qx0123456789";

fn word_to_unicode() -> Vec<u8> {
    let entries: Vec<String> = (0x20u8..0x7F)
        .map(char::from)
        .filter(|c| !WORD_MAP_GAPS.contains(*c))
        .map(|c| format!("<{:02X}> <{:04X}>\n", u32::from(c), u32::from(c)))
        .collect();
    format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<< /Registry (Adobe)\n\
         /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n{} beginbfchar\n{}endbfchar\n\
         endcmap CMapName currentdict /CMap defineresource pop end end\n",
        entries.len(),
        entries.concat()
    )
    .into_bytes()
}

fn subset_to_unicode() -> Vec<u8> {
    let entries: String = SUBSET_ALPHABET
        .chars()
        .map(|c| format!("<{:02X}> <{:04X}>\n", subset_code(c), u32::from(c)))
        .collect();
    format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Subset def\n/CMapType 2 def\n\
         1 begincodespacerange\n<00> <FF>\nendcodespacerange\n{} beginbfchar\n{entries}endbfchar\nendcmap\n\
         CMapName currentdict /CMap defineresource pop\nend\nend\n",
        SUBSET_ALPHABET.chars().count()
    )
    .into_bytes()
}

/// Writes pages into a PDF with Helvetica (`F1`), a ligature font (`F2`),
/// a subset font readable only through its `/ToUnicode` map (`F3`), a
/// two-byte font without one (`F4`), a Word-style font (`F5`, see
/// [`PdfPage::text_in_word_font`]), a gray image (`Im1`) and a form that
/// draws itself (`X1`).
pub fn pdf(pages: &[PdfPage]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let helvetica = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let ligatures = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![1.into(), Object::Name(b"fi".to_vec())],
        },
    });
    let to_unicode = doc.add_object(Stream::new(Dictionary::new(), subset_to_unicode()));
    let glyph_names: Vec<Object> = std::iter::once(Object::Integer(1))
        .chain((1..=SUBSET_ALPHABET.chars().count()).map(|i| Object::Name(format!("g{i}").into_bytes())))
        .collect();
    let subset = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "BaseFont" => "ABCDEF+Calibri",
        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => glyph_names },
        "ToUnicode" => to_unicode,
    });
    let no_unicode = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "GHIJKL+Cambria",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => "GHIJKL+Cambria",
            "DW" => 500,
        }.into()],
    });
    let word_map = doc.add_object(Stream::new(Dictionary::new(), word_to_unicode()));
    let word = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "BaseFont" => "BCDEFG+Aptos",
        "Encoding" => "WinAnsiEncoding",
        "ToUnicode" => word_map,
    });
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => 2,
            "Height" => 2,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        },
        vec![0, 255, 255, 0],
    ));
    let form_id = doc.new_object_id();
    let form_content = b"q 1 0 0 1 5 5 cm /X1 Do Q".to_vec();
    doc.objects.insert(
        form_id,
        Object::Stream(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
                "Resources" => dictionary! { "XObject" => dictionary! { "X1" => form_id } },
            },
            form_content,
        )),
    );
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => helvetica, "F2" => ligatures, "F3" => subset, "F4" => no_unicode, "F5" => word },
        "XObject" => dictionary! { "Im1" => image, "X1" => form_id },
    });
    let mut kids = Vec::new();
    for page in pages {
        let content = Content {
            operations: page.operations.clone(),
        };
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content.encode().expect("encodable")));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.compress();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("a PDF in memory");
    bytes
}

/// The text of [`one_column_pdf`], as the author typed it.
pub const ONE_COLUMN_TEXT: &str = "Jane Doe Resume
Jane Doe
jane.doe@example.com | +1 (555) 010-7788 | Berlin, Germany
Summary
Backend engineer with ten years of experience building payment and logistics platforms.
Skills
Languages: Rust, Go, C++, Python, TypeScript
Platforms: Kubernetes, Docker, PostgreSQL, Redis, Node.js
Experience
Senior Engineer, Acme Payments 2019 - 2024
• Migrated the ledger to PostgreSQL and cut query latency by 40%
• Ran Kubernetes clusters for 30 services with Helm and Terraform
• Built the profile service and the official SDK
Engineer, Globex Logistics 2014 - 2019
• Wrote route planning services in C++ and Go
Education
M.Sc. Computer Science, TU Berlin";

/// A two-page, one-column resume: running header, page-number footer,
/// a right-aligned date, a hyphenated word, TeX-style spacing, ligatures.
pub fn one_column_pdf() -> Vec<u8> {
    let mut first = PdfPage::default();
    first
        .text(72.0, 760.0, 9.0, "Jane Doe Resume")
        .text(72.0, 700.0, 20.0, "Jane Doe")
        .text(
            72.0,
            680.0,
            10.0,
            "jane.doe@example.com | +1 (555) 010-7788 | Berlin, Germany",
        )
        .text(72.0, 650.0, 13.0, "Summary")
        .text(
            72.0,
            634.0,
            10.0,
            "Backend engineer with ten years of experience building payment and logistics platforms.",
        )
        .text(72.0, 604.0, 13.0, "Skills")
        .text(72.0, 588.0, 10.0, "Languages: Rust, Go, C++, Python, TypeScript")
        .text_kerned(
            72.0,
            574.0,
            10.0,
            "Platforms: Kubernetes, Docker, PostgreSQL, Redis, Node.js",
        )
        .text(72.0, 544.0, 13.0, "Experience")
        .text(72.0, 528.0, 10.0, "Senior Engineer, Acme Payments")
        .text(480.0, 528.0, 10.0, "2019 - 2024")
        .text(
            82.0,
            514.0,
            10.0,
            "• Migrated the ledger to PostgreSQL and cut query latency by 40%",
        )
        .text(82.0, 500.0, 10.0, "• Ran Kuber-")
        .text(
            82.0,
            486.0,
            10.0,
            "netes clusters for 30 services with Helm and Terraform",
        )
        .text_with_ligatures(82.0, 472.0, 10.0, "• Built the profile service and the official SDK")
        .text(300.0, 30.0, 9.0, "Page 1 of 2");
    let mut second = PdfPage::default();
    second
        .text(72.0, 760.0, 9.0, "Jane Doe Resume")
        .text(72.0, 700.0, 10.0, "Engineer, Globex Logistics")
        .text(480.0, 700.0, 10.0, "2014 - 2019")
        .text(82.0, 686.0, 10.0, "• Wrote route planning services in C++ and Go")
        .text(72.0, 656.0, 13.0, "Education")
        .text(72.0, 640.0, 10.0, "M.Sc. Computer Science, TU Berlin")
        .text(300.0, 30.0, 9.0, "Page 2 of 2");
    pdf(&[first, second])
}

pub const TWO_COLUMN_HEADER: [&str; 2] = ["Alex Rivera", "alex.rivera@example.com | +44 20 7946 0958 | London"];

/// The sidebar: 9 pt type on 13 pt leading.
pub const TWO_COLUMN_LEFT: [&str; 10] = [
    "SKILLS",
    "Kubernetes",
    "PostgreSQL",
    "C++",
    "Node.js",
    "Terraform",
    "gRPC",
    "LANGUAGES",
    "English",
    "Spanish",
];

/// The main column: 10 pt type on 15 pt leading.
pub const TWO_COLUMN_RIGHT: [&str; 11] = [
    "EXPERIENCE",
    "Staff Engineer, Initech (2020 - 2024)",
    "Designed an event pipeline processing two billion messages a day",
    "Led a team of six engineers across three time zones",
    "Platform Engineer, Hooli (2016 - 2020)",
    "Automated database failover and cut recovery time to minutes",
    "Mentored new hires and ran the on-call rotation",
    "EDUCATION",
    "B.Sc. Software Engineering, University of Leeds",
    "Graduated with first class honours in 2016",
    "Thesis on consensus protocols for edge devices",
];

/// Every line of [`two_column_pdf`].
pub fn two_column_text() -> String {
    TWO_COLUMN_HEADER
        .iter()
        .chain(&TWO_COLUMN_LEFT)
        .chain(&TWO_COLUMN_RIGHT)
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

/// A one-page sidebar resume: name and contact across the top, a narrow
/// skills column on the left, experience on the right.
pub fn two_column_pdf() -> Vec<u8> {
    let mut page = PdfPage::default();
    page.text(240.0, 740.0, 20.0, TWO_COLUMN_HEADER[0])
        .text(150.0, 716.0, 10.0, TWO_COLUMN_HEADER[1]);
    for (i, line) in TWO_COLUMN_LEFT.iter().enumerate() {
        page.text(40.0, 680.0 - 13.0 * i as f64, 9.0, line);
    }
    for (i, line) in TWO_COLUMN_RIGHT.iter().enumerate() {
        page.text(220.0, 684.0 - 15.0 * i as f64, 10.0, line);
    }
    pdf(&[page])
}

/// A page that is only a picture, as a scanner makes.
pub fn scanned_pdf() -> Vec<u8> {
    let mut page = PdfPage::default();
    page.full_page_image();
    pdf(&[page])
}

/// A PDF with one object nested `depth` arrays deep, written by hand.
pub fn deeply_nested_pdf(depth: usize) -> Vec<u8> {
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Nest {nested} >>"),
    ];
    raw_pdf(&objects)
}

/// Writes numbered objects with a correct cross-reference table.
pub fn raw_pdf(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        write!(out, "{} 0 obj\n{object}\nendobj\n", i + 1).expect("in memory");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).expect("in memory");
    for offset in offsets {
        writeln!(out, "{offset:010} 00000 n ").expect("in memory");
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .expect("in memory");
    out
}

// ---------------------------------------------------------------- DOCX

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

fn paragraph(text: &str) -> String {
    format!(
        r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        escape(text)
    )
}

fn list_item(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{}</w:t></w:r></w:p>"#,
        escape(text)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The words of [`docx_resume`]: body, table, text box and header.
pub const DOCX_TEXT: &str = "Priya Natarajan priya.natarajan@example.com +91 98450 12345
Senior Site Reliability Engineer
Skills
Languages Rust, C++, Node.js
Infrastructure Kubernetes, PostgreSQL, Terraform
Experience
Reduced incident count by half with better alerting
Led the migration from VMs to Kubernetes
Open to relocation
Curriculum vitae";

/// A resume as Word writes it: contact details only in the page header,
/// a skills table, list items, a text box (with its VML fallback copy),
/// a tracked deletion and a page-number field in the footer.
pub fn docx_resume() -> Vec<u8> {
    let table = r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>Languages</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Rust, C++, Node.js</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Infrastructure</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">Kubernetes, </w:t></w:r><w:r><w:t>PostgreSQL, Terraform</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let text_box = r#"<w:p><w:r><w:t xml:space="preserve">Experience</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Open to relocation</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Open to relocation</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#;
    let deletion = r#"<w:p><w:r><w:t xml:space="preserve">Led the migration from VMs to </w:t></w:r><w:del w:id="1" w:author="me"><w:r><w:delText>OpenStack and </w:delText></w:r></w:del><w:r><w:t>Kubernetes</w:t></w:r></w:p>"#;
    let body = [
        paragraph("Senior Site Reliability Engineer"),
        paragraph("Skills"),
        table.to_owned(),
        text_box.to_owned(),
        list_item("Reduced incident count by half with better alerting"),
        deletion.to_owned(),
        r#"<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:cols w:space="720"/></w:sectPr>"#.to_owned(),
    ]
    .concat();
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}>{}</w:hdr>"#,
        paragraph("Priya Natarajan\u{2002}priya.natarajan@example.com\u{2002}+91 98450 12345")
    );
    let footer = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W}><w:p><w:r><w:t xml:space="preserve">Curriculum vitae </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"#
    );
    docx_with_body(
        &body,
        &[
            ("word/header1.xml", header.as_bytes()),
            ("word/footer1.xml", footer.as_bytes()),
        ],
    )
}

/// A DOCX with a keyword block hidden three ways, beside visible text: a
/// paragraph style one point high (as keyword stuffing is written), a run
/// hidden with `w:vanish`, and a tiny white style's run set back to a
/// readable size and colour or shown again by `w:vanish w:val="0"`; and a run a tracked change
/// shows again (its old properties hid it).
pub fn docx_with_hidden_keywords() -> Vec<u8> {
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="22"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Tiny"><w:name w:val="tiny"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="FFFFFF"/><w:sz w:val="2"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TinyToo"><w:name w:val="tiny too"/><w:basedOn w:val="Tiny"/></w:style></w:styles>"#
    );
    let body = [
        paragraph("Nurse with ten years on a cardiac ward"),
        r#"<w:p><w:pPr><w:pStyle w:val="TinyToo"/></w:pPr><w:r><w:t>Kubernetes Terraform Salesforce Kubernetes Terraform Salesforce Kubernetes Terraform Salesforce Kubernetes Terraform Salesforce Kubernetes Terraform Salesforce Kubernetes Terraform Salesforce</w:t></w:r><w:r><w:rPr><w:color w:val="000000"/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve"> Telemetry</w:t></w:r></w:p>"#.to_owned(),
        r#"<w:p><w:r><w:t xml:space="preserve">Patient care </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>Python SQL</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> and triage</w:t></w:r></w:p>"#.to_owned(),
        r#"<w:p><w:r><w:rPr><w:rPrChange w:id="2" w:author="me"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>Shown since a tracked change</w:t></w:r></w:p>"#.to_owned(),
    ]
    .concat();
    docx_with_body(&body, &[("word/styles.xml", styles.as_bytes())])
}

/// A DOCX with white words: on the white page (hidden), and where a fill
/// may lie behind them (shown): a highlighted run, a shaded paragraph, a
/// table cell and a text box.
pub fn docx_with_white_text() -> Vec<u8> {
    let white = |text: &str, extra: &str| {
        format!(r#"<w:r><w:rPr><w:color w:val="FFFFFF"/>{extra}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    };
    let body = [
        paragraph("Teacher of English and history"),
        format!("<w:p>{}</w:p>", white(&["Python Kubernetes Terraform"; 6].join(" "), "")),
        r#"<w:p><w:r><w:rPr><w:color w:themeColor="background1" w:val="F2F2F2"/></w:rPr><w:t>AWS Docker</w:t></w:r></w:p>"#.to_owned(),
        format!("<w:p>{}</w:p>", white("Highlighted heading", r#"<w:highlight w:val="black"/>"#)),
        format!(r#"<w:p><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:pPr>{}</w:p>"#, white("Shaded band", "")),
        format!(r#"<w:tbl><w:tr><w:tc><w:p>{}</w:p></w:tc></w:tr></w:tbl>"#, white("Cell on a dark table", "")),
        format!(r#"<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p>{}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"#, white("Sidebar in a box", "")),
    ]
    .concat();
    docx_with_body(&body, &[])
}

/// White words over a dark band that a template anchors behind the text
/// in its header (`wp:anchor behindDoc="1"`): seen, so read.
pub fn docx_with_white_text_over_a_backdrop() -> Vec<u8> {
    let words = ["Python Kubernetes Terraform"; 7].join(" ");
    let body = format!(r#"<w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>{words}</w:t></w:r></w:p>"#);
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:p><w:r><w:drawing><wp:anchor behindDoc="1" distT="0" distB="0"/></w:drawing></w:r></w:p></w:hdr>"#
    );
    docx_with_body(&body, &[("word/header1.xml", header.as_bytes())])
}

/// A DOCX whose only content is a picture.
pub fn docx_with_only_an_image() -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W} xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body><w:p><w:r><w:drawing><a:graphic><a:graphicData><a:blip/></a:graphicData></a:graphic></w:drawing></w:r></w:p></w:body></w:document>"#
    );
    zip_parts(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ])
}

/// A DOCX package of `body` (the content of `w:body`) and `parts` beside it.
fn docx_with_body(body: &str, parts: &[(&str, &[u8])]) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    let package = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ];
    let all: Vec<(&str, &[u8])> = package.into_iter().chain(parts.iter().copied()).collect();
    zip_parts(&all)
}

pub fn zip_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).expect("in memory");
        zip.write_all(bytes).expect("in memory");
    }
    zip.finish().expect("in memory").into_inner()
}

/// A DOCX whose document part inflates to `inflated` bytes of spaces
/// inside one text run, compressed about a thousand to one.
pub fn docx_bomb(inflated: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(inflated > u32::MAX as usize);
    for (name, bytes) in [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
    ] {
        zip.start_file(name, options).expect("in memory");
        zip.write_all(bytes).expect("in memory");
    }
    zip.start_file("word/document.xml", options).expect("in memory");
    zip.write_all(format!("<w:document {W}><w:body><w:p><w:r><w:t>").as_bytes())
        .expect("in memory");
    let chunk = vec![b' '; 1 << 20];
    let mut written = 0;
    while written < inflated {
        let n = chunk.len().min(inflated - written);
        zip.write_all(&chunk[..n]).expect("in memory");
        written += n;
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .expect("in memory");
    zip.finish().expect("in memory").into_inner()
}

/// Rewrites every declared uncompressed size in a zip to `size`: the
/// reader must not trust them.
pub fn lie_about_sizes(mut zip: Vec<u8>, size: u32) -> Vec<u8> {
    let mut at = 0;
    while at + 46 <= zip.len() {
        let signature = &zip[at..at + 4];
        if signature == b"PK\x03\x04" {
            zip[at + 22..at + 26].copy_from_slice(&size.to_le_bytes());
        } else if signature == b"PK\x01\x02" {
            zip[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
        }
        at += 1;
    }
    zip
}

// ---------------------------------------------------------------- ODT

pub fn odt_resume() -> Vec<u8> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
  <office:body>
    <office:text>
      <text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Figure"/></text:sequence-decls>
      <text:h text:outline-level="1">Marta Kowalska</text:h>
      <text:p>marta.kowalska@example.com<text:tab/>+48 600 700 800</text:p>
      <text:p>Data engineer building<text:s text:c="2"/>pipelines in Python and PostgreSQL</text:p>
      <text:list><text:list-item><text:p>Kubernetes operators in Go</text:p></text:list-item></text:list>
      <table:table><table:table-row><table:table-cell><text:p>Spark</text:p></table:table-cell><table:table-cell><text:p>Airflow</text:p></table:table-cell></table:table-row></table:table>
      <text:p>Reviewed <office:annotation><text:p>a comment</text:p></office:annotation>code daily</text:p>
    </office:text>
  </office:body>
</office:document-content>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // The mimetype entry comes first and uncompressed, as the spec asks.
    zip.start_file(
        "mimetype",
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
    )
    .expect("in memory");
    zip.write_all(b"application/vnd.oasis.opendocument.text")
        .expect("in memory");
    zip.start_file("content.xml", SimpleFileOptions::default())
        .expect("in memory");
    zip.write_all(content.as_bytes()).expect("in memory");
    zip.finish().expect("in memory").into_inner()
}

/// Sets the "encrypted" flag on every entry, as a password-protected zip
/// has it.
pub fn mark_encrypted(mut zip: Vec<u8>) -> Vec<u8> {
    let mut at = 0;
    while at + 46 <= zip.len() {
        let signature = &zip[at..at + 4];
        if signature == b"PK\x03\x04" {
            zip[at + 6] |= 1;
        } else if signature == b"PK\x01\x02" {
            zip[at + 8] |= 1;
        }
        at += 1;
    }
    zip
}
