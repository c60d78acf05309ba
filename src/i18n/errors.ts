/**
 * The texts of the errors that stop a run (model/errors.ts), in Vietnamese and English, and the
 * one line the CLI prints for one: `FILE:LINE:COLUMN: message`.
 */
import type { CcchError, ErrorCode, ErrorParams } from '../model/errors.js';
import type { Lang } from '../model/lang.js';
import { formatInt } from '../util/numbers.js';
import { safeParams, safeText } from '../util/safe-text.js';

type Text = (p: ErrorParams) => string;

const q = (s: string | number | undefined) => `"${s ?? ''}"`;
/** A number as the language writes it (16.384 / 16,384); a string passes as it is. */
const num = (n: string | number | undefined, lang: Lang) => (typeof n === 'number' ? formatInt(n, lang) : (n ?? ''));

/** Why a file could not be written, by the system's error code. */
const OUTPUT_REASON: Record<string, { vi: string; en: string }> = {
  ENOENT: { vi: 'không có thư mục này', en: 'no such directory' },
  EACCES: { vi: 'không có quyền ghi', en: 'permission denied' },
  EPERM: { vi: 'không có quyền ghi', en: 'permission denied' },
  EISDIR: { vi: 'đây là một thư mục', en: 'it is a directory' },
  ENOTDIR: { vi: 'đường dẫn có phần không phải thư mục', en: 'a part of the path is not a directory' },
  ENOSPC: { vi: 'hết chỗ trên đĩa', en: 'no space left on the device' },
  EROFS: { vi: 'hệ thống tệp chỉ đọc', en: 'read-only file system' },
};

export const ERROR_TEXTS: Record<ErrorCode, { vi: Text; en: Text }> = {
  'usage.period': {
    vi: (p) => `kỳ không hợp lệ: ${q(p.value)} (dùng 2023, 2023-Q1…Q4 hoặc Quý I/2023, 2023-H1/H2, 2023-03 hoặc 03/2023, 01/01/2023 - 31/03/2023)`,
    en: (p) => `invalid period: ${q(p.value)} (use 2023, 2023-Q1…Q4 or Quý I/2023, 2023-H1/H2, 2023-03 or 03/2023, 01/01/2023 - 31/03/2023)`,
  },
  'usage.date': {
    vi: (p) => `${p.option}: ngày không hợp lệ ${q(p.value)} (dùng 2023-04-15 hoặc 15/04/2023)`,
    en: (p) => `${p.option}: invalid date ${q(p.value)} (use 2023-04-15 or 15/04/2023)`,
  },
  'usage.toBeforeFrom': {
    vi: (p) => `--to (${p.to}) trước --from (${p.from})`,
    en: (p) => `--to (${p.to}) is before --from (${p.from})`,
  },
  'usage.asOf': {
    vi: (p) => `--as-of: ngày không hợp lệ ${q(p.value)} (dùng 2023-04-15 hoặc 15/04/2023)`,
    en: (p) => `--as-of: invalid date ${q(p.value)} (use 2023-04-15 or 15/04/2023)`,
  },
  'usage.asOfBeforePeriod': {
    vi: (p) => `--as-of (${p.value}) trước ngày đầu kỳ (${p.from})`,
    en: (p) => `--as-of (${p.value}) is before the period's first day (${p.from})`,
  },
  'usage.leadAmbiguous': {
    vi: (p) => `--lead: ${q(p.value)} khớp nhiều cơ quan: ${p.list}`,
    en: (p) => `--lead: ${q(p.value)} matches several agencies: ${p.list}`,
  },
  'usage.leadUnknown': {
    vi: (p) => `--lead: không có cơ quan ${q(p.value)}; các cơ quan: ${p.list}`,
    en: (p) => `--lead: no agency ${q(p.value)}; the agencies: ${p.list}`,
  },
  'usage.section': {
    vi: (p) => `--section: không có mục ${q(p.value)} (dùng body hoặc ${p.known}, hay một nhóm/mục như II.3, II.3.4)`,
    en: (p) => `--section: no section ${q(p.value)} (use body or ${p.known}, or a group/item such as II.3, II.3.4)`,
  },
  'usage.lang': {
    vi: (p) => `--lang: ngôn ngữ không hỗ trợ ${q(p.value)} (dùng vi hoặc en)`,
    en: (p) => `--lang: unsupported language ${q(p.value)} (use vi or en)`,
  },
  'usage.format': {
    vi: (p) => `--format: định dạng không hỗ trợ ${q(p.value)} (dùng ${p.allowed})`,
    en: (p) => `--format: unsupported format ${q(p.value)} (use ${p.allowed})`,
  },
  'usage.stdinTwice': {
    vi: () => 'chỉ đọc được đầu vào chuẩn (-) một lần',
    en: () => 'stdin (-) can be read only once',
  },
  'usage.delimiter': {
    vi: (p) => `--delimiter: dấu phân cách không hỗ trợ ${q(p.value)} (dùng , ; | hoặc tab)`,
    en: (p) => `--delimiter: unsupported delimiter ${q(p.value)} (use , ; | or tab)`,
  },
  'usage.encoding': {
    vi: (p) =>
      `--encoding: không hỗ trợ bảng mã ${q(p.value)} (dùng ví dụ utf-8, utf-16le, windows-1258; tệp TCVN3 hay VNI cần chuyển mã sang Unicode trước)`,
    en: (p) =>
      `--encoding: unsupported encoding ${q(p.value)} (use e.g. utf-8, utf-16le, windows-1258; TCVN3 and VNI files must be converted to Unicode first)`,
  },
  'usage.dateOrder': {
    vi: (p) => `--date-order: không hiểu ${q(p.value)} (dùng dmy: ngày trước tháng, hoặc mdy: tháng trước ngày)`,
    en: (p) => `--date-order: unknown order ${q(p.value)} (use dmy: day first, or mdy: month first)`,
  },
  'usage.threads': {
    vi: (p) => `--threads: cần số nguyên từ 1 đến ${p.max}, không phải ${q(p.value)}`,
    en: (p) => `--threads: needs a whole number from 1 to ${p.max}, not ${q(p.value)}`,
  },
  'usage.maxWarnings': {
    vi: (p) => `--max-warnings: cần số nguyên không âm, không phải ${q(p.value)}`,
    en: (p) => `--max-warnings: needs a whole number, 0 or more, not ${q(p.value)}`,
  },
  'usage.group': {
    vi: (p) => `--group: giá trị không hợp lệ ${q(p.value)} (dùng lead hoặc section)`,
    en: (p) => `--group: invalid value ${q(p.value)} (use lead or section)`,
  },
  'usage.unit': {
    vi: () => '--unit: cần tên đơn vị báo cáo (ví dụ --unit "Sở Tư pháp")',
    en: () => '--unit: needs the reporting unit\'s name (e.g. --unit "Sở Tư pháp")',
  },
  'usage.indicator': {
    vi: (p) => `không có chỉ tiêu ${q(p.value)} trong kế hoạch (có: ${p.allowed})`,
    en: (p) => `no indicator ${q(p.value)} in the plan (there are: ${p.allowed})`,
  },
  'usage.tier': {
    vi: (p) => `--tier: giá trị không hợp lệ ${q(p.value)} (dùng ${p.allowed})`,
    en: (p) => `--tier: invalid value ${q(p.value)} (use ${p.allowed})`,
  },
  'usage.which': {
    vi: (p) => `--which: giá trị không hợp lệ ${q(p.value)} (dùng ${p.allowed})`,
    en: (p) => `--which: invalid value ${q(p.value)} (use ${p.allowed})`,
  },
  'usage.within': {
    vi: (p) => `--within: cần số ngày nguyên từ 0 đến 3650, không phải ${q(p.value)}`,
    en: (p) => `--within: needs a whole number of days from 0 to 3650, not ${q(p.value)}`,
  },
  'usage.unitNotFound': {
    vi: (p) => `--unit: không có đơn vị ${q(p.value)} trong dữ liệu (ở cấp đã chọn)`,
    en: (p) => `--unit: no unit ${q(p.value)} in the data (in the tier chosen)`,
  },
  'usage.unitAmbiguous': {
    vi: (p) => `--unit: ${q(p.value)} có ở nhiều cấp (${p.tiers}): chọn một bằng --tier`,
    en: (p) => `--unit: ${q(p.value)} is in several tiers (${p.tiers}): choose one with --tier`,
  },
  'usage.asOfNeeded': {
    vi: () => 'cần --as-of: ngày xét hồ sơ quá hạn (YYYY-MM-DD hoặc dd/mm/yyyy)',
    en: () => 'needs --as-of: the day to judge what is overdue at (YYYY-MM-DD or dd/mm/yyyy)',
  },
  'usage.by': {
    vi: (p) => `--by: giá trị không hợp lệ ${q(p.value)} (dùng unit, district hoặc month; ghép bằng dấu phẩy: unit,month)`,
    en: (p) => `--by: invalid value ${q(p.value)} (use unit, district or month; combine with commas: unit,month)`,
  },
  'usage.byUnitAndDistrict': {
    vi: () => '--by: chọn unit hoặc district, không cả hai',
    en: () => '--by: unit or district, not both',
  },
  'usage.top': {
    vi: (p) => `--top: cần số nguyên từ 1 trở lên, không phải ${q(p.value)}`,
    en: (p) => `--top: needs a whole number from 1 up, not ${q(p.value)}`,
  },
  'usage.byDistrictNeedsUnits': {
    vi: () => '--by district cần --units (tệp đơn vị cho biết đơn vị thuộc huyện nào)',
    en: () => '--by district needs --units (the units file says which district a unit is in)',
  },
  'usage.outputFormat': {
    vi: (p) => `-o ${q(p.file)}: không biết định dạng nào theo đuôi tệp này; dùng --format, hoặc đuôi ${p.allowed}`,
    en: (p) => `-o ${q(p.file)}: no format has this extension; give --format, or use ${p.allowed}`,
  },
  'usage.binaryToTerminal': {
    vi: (p) => `--format ${p.format}: không ghi tệp nhị phân ra màn hình; dùng -o TỆP (ví dụ -o ket-qua.${p.format}) hoặc chuyển hướng > TỆP`,
    en: (p) => `--format ${p.format}: a binary file is not written to a terminal; give -o FILE (e.g. -o ket-qua.${p.format}) or redirect > FILE`,
  },
  'usage.output': {
    vi: (p) => `-o ${q(p.file)}: không ghi được tệp (${OUTPUT_REASON[String(p.reason)]?.vi ?? p.reason})`,
    en: (p) => `-o ${q(p.file)}: cannot write the file (${OUTPUT_REASON[String(p.reason)]?.en ?? p.reason})`,
  },
  'usage.periodWithDates': {
    vi: () => '--period không dùng cùng --from/--to',
    en: () => '--period cannot be combined with --from/--to',
  },
  'usage.unknownOption': {
    vi: (p) => `tùy chọn không biết: ${p.option}${p.suggestion ? ` (có phải ý bạn là ${p.suggestion}?)` : ''}`,
    en: (p) => `unknown option '${p.option}'${p.suggestion ? ` (Did you mean ${p.several ? 'one of ' : ''}${p.suggestion}?)` : ''}`,
  },
  'usage.unknownCommand': {
    vi: (p) => `lệnh không biết: ${p.command}${p.suggestion ? ` (có phải ý bạn là ${p.suggestion}?)` : ''}`,
    en: (p) => `unknown command '${p.command}'${p.suggestion ? ` (Did you mean ${p.several ? 'one of ' : ''}${p.suggestion}?)` : ''}`,
  },
  'usage.missingArgument': {
    vi: (p) => `thiếu đối số bắt buộc: ${p.argument}`,
    en: (p) => `missing required argument '${p.argument}'`,
  },
  'usage.optionValueMissing': {
    vi: (p) => `tùy chọn ${p.option} cần một giá trị`,
    en: (p) => `option '${p.option}' argument missing`,
  },
  'usage.excessArguments': {
    vi: (p) => `thừa đối số (nhận ${p.count})`,
    en: (p) => `too many arguments${p.command ? ` for '${p.command}'` : ''}. Expected ${p.expected} argument${p.expected === 1 ? '' : 's'} but got ${p.count}.`,
  },
  'usage.commandLine': {
    vi: (p) => String(p.message),
    en: (p) => String(p.message),
  },

  'plan.yaml': { vi: (p) => `YAML không hợp lệ: ${p.detail}`, en: (p) => `invalid YAML: ${p.detail}` },
  'plan.yamlRefused': { vi: (p) => `YAML bị từ chối: ${p.detail}`, en: (p) => `YAML refused: ${p.detail}` },
  'plan.schema': { vi: (p) => `${p.path}: ${p.detail}`, en: (p) => `${p.path}: ${p.detail}` },
  'plan.directory': { vi: () => 'là thư mục, không phải tệp kế hoạch', en: () => 'is a directory, not a plan file' },
  'plan.tooLarge': { vi: (p) => `tệp kế hoạch quá lớn (> ${p.limit})`, en: (p) => `plan file too large (> ${p.limit})` },
  'plan.tooComplex': {
    vi: (p) => `tệp kế hoạch quá phức tạp để là một kế hoạch (${p.whatVi}; kế hoạch đi kèm có khoảng 21.000 ký hiệu): không đọc`,
    en: (p) => `plan file too complex for a plan (${p.whatEn}; the bundled plan has about 21,000 tokens): not read`,
  },
  'plan.notFound': { vi: () => 'không tìm thấy tệp kế hoạch', en: () => 'plan file not found' },
  'plan.unreadable': { vi: (p) => `không đọc được tệp kế hoạch (${p.detail})`, en: (p) => `cannot read plan file (${p.detail})` },

  'input.notFound': { vi: () => 'không tìm thấy tệp', en: () => 'no such file' },
  'input.directory': { vi: () => 'là thư mục, không phải tệp', en: () => 'is a directory, not a file' },
  'input.permission': { vi: () => 'không có quyền đọc tệp', en: () => 'permission denied' },
  'input.unreadable': { vi: (p) => `không đọc được tệp (${p.detail})`, en: (p) => `cannot read file (${p.detail})` },
  'input.empty': { vi: () => 'tệp rỗng', en: () => 'empty file' },
  'input.noHeader': { vi: () => 'không có dòng tiêu đề', en: () => 'no header row' },
  'input.utf16': {
    vi: () => 'tệp mã hóa UTF-16; hãy lưu lại dạng "CSV UTF-8 (phân cách bằng dấu phẩy)"',
    en: () => 'file is UTF-16 encoded; save it again as "CSV UTF-8 (comma delimited)"',
  },
  'input.utf16NoBom': {
    vi: (p) => `tệp có vẻ mã hóa UTF-16 không có BOM; hãy chạy lại với --encoding ${p.encoding}, hoặc lưu lại dạng "CSV UTF-8"`,
    en: (p) => `file looks UTF-16 encoded without a byte-order mark; run again with --encoding ${p.encoding}, or save it again as "CSV UTF-8"`,
  },
  'input.binary': {
    vi: () => 'không phải tệp văn bản (có byte NUL; tệp Excel hay tệp nén?)',
    en: () => 'not a text file (NUL byte; an Excel or zip file?)',
  },
  'input.encoding': {
    vi: () => 'không phải UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI); hãy xuất lại dạng CSV UTF-8',
    en: () => 'not UTF-8 (perhaps Windows-1258, TCVN3 or VNI); export it again as CSV UTF-8',
  },
  'input.invalidUtf8': {
    vi: (p) =>
      `byte 0x${p.byte} ở đây không phải UTF-8, trong một tệp UTF-8: tệp bị hỏng tại chỗ này; hãy sửa hoặc xóa ký tự đó (đừng chuyển mã cả tệp)`,
    en: (p) => `byte 0x${p.byte} here is not UTF-8, in a file that is UTF-8: the file is damaged at this point; fix or delete that character (do not convert the file)`,
  },
  'input.windows1258': {
    vi: () => 'tệp mã hóa Windows-1258, không phải UTF-8; hãy chạy lại với --encoding windows-1258, hoặc lưu lại dạng "CSV UTF-8"',
    en: () => 'file is Windows-1258 encoded, not UTF-8; run again with --encoding windows-1258, or save it again as "CSV UTF-8"',
  },
  'input.tcvn3': {
    vi: () =>
      'tệp có vẻ mã hóa TCVN3 (ABC), ccch không đọc được; hãy chuyển mã sang Unicode (ví dụ công cụ chuyển mã của UniKey: TCVN3 → Unicode) rồi lưu dạng "CSV UTF-8"',
    en: () =>
      'file looks TCVN3 (ABC) encoded, which ccch cannot read; convert it to Unicode (e.g. with UniKey\'s converter, TCVN3 → Unicode) and save it as "CSV UTF-8"',
  },
  'input.vni': {
    vi: () =>
      'tệp có vẻ mã hóa VNI, ccch không đọc được; hãy chuyển mã sang Unicode (ví dụ công cụ chuyển mã của UniKey: VNI Windows → Unicode) rồi lưu dạng "CSV UTF-8"',
    en: () =>
      'file looks VNI encoded, which ccch cannot read; convert it to Unicode (e.g. with UniKey\'s converter, VNI Windows → Unicode) and save it as "CSV UTF-8"',
  },
  'input.unclosedQuote': { vi: () => 'dấu ngoặc kép mở ở đây không được đóng', en: () => 'quote opened here is never closed' },
  'input.recordTooLong': {
    vi: (p) => `một dòng dữ liệu dài hơn ${p.limit} bắt đầu ở đây: không phải dòng của tệp xuất (có dấu ngoặc kép nào mở mà không đóng?)`,
    en: (p) => `a record longer than ${p.limit} begins here: not an export's row (is a quote left open?)`,
  },
  'input.tooManyFields': {
    vi: (p) => `dòng có hơn ${num(p.limit, 'vi')} cột (giới hạn cột của Excel): không phải dòng của tệp xuất`,
    en: (p) => `a record of more than ${num(p.limit, 'en')} fields (Excel's column limit): not an export's row`,
  },
  'input.xls': {
    vi: () => 'tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy lưu lại dạng "Sổ làm việc Excel (.xlsx)" hoặc "CSV UTF-8"',
    en: () => 'Excel 97–2003 workbooks (.xls) are not supported; save it again as "Excel Workbook (.xlsx)" or "CSV UTF-8"',
  },
  'input.encrypted': {
    vi: () =>
      'sổ làm việc được bảo vệ bằng mật khẩu (mã hóa), ccch không đọc được; hãy mở trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu: xóa trống) rồi lưu lại',
    en: () =>
      'password-protected (encrypted) workbook, which ccch cannot read; open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password: clear it) and save it again',
  },
  'input.ole': {
    vi: () => 'tệp Office 97–2003 (OLE) nhưng không phải sổ làm việc Excel; hãy xuất dữ liệu dạng "Sổ làm việc Excel (.xlsx)" hoặc "CSV UTF-8"',
    en: () => 'an Office 97–2003 (OLE) file but not an Excel workbook; export the data as "Excel Workbook (.xlsx)" or "CSV UTF-8"',
  },
  'input.xlsxDamaged': {
    vi: (p) => `tệp Excel (XLSX) bị hỏng, không đọc được (${p.detail}); hãy mở trong Excel và lưu lại`,
    en: (p) => `damaged XLSX workbook, cannot be read (${p.detail}); open it in Excel and save it again`,
  },
  'input.xlsxNoWorkbook': {
    vi: () => 'tệp nén zip nhưng không phải sổ làm việc Excel (XLSX): không có xl/workbook.xml',
    en: () => 'a zip file but not an XLSX workbook: it has no xl/workbook.xml',
  },
  'input.xlsxNoSheet': {
    vi: (p) => `không có trang tính ${q(p.sheet)} (có: ${p.sheets})`,
    en: (p) => `no sheet named ${q(p.sheet)} (sheets: ${p.sheets})`,
  },
  'input.xlsxPartTooLarge': {
    vi: (p) => `tệp XLSX: phần ${p.part} giải nén ra ${p.size}, quá giới hạn ${p.limit}`,
    en: (p) => `XLSX: part ${p.part} inflates to ${p.size}, past the limit of ${p.limit}`,
  },
  'input.xlsxBomb': {
    vi: (p) => `tệp XLSX: phần ${p.part} giải nén ra ${p.size}, gấp ${p.ratio} lần khi nén (giới hạn ${p.limit} lần): không phải sổ làm việc thật (bom nén?)`,
    en: (p) => `XLSX: part ${p.part} inflates to ${p.size}, ${p.ratio} times its compressed size (the limit is ${p.limit}): not a real workbook (a zip bomb?)`,
  },
  'input.xlsxTooMany': {
    vi: (p) => `tệp XLSX: ${p.part} có hơn ${num(p.limit, 'vi')} ${p.whatVi}`,
    en: (p) => `XLSX: ${p.part} has more than ${num(p.limit, 'en')} ${p.whatEn}`,
  },
  'input.xlsxXmlLimit': {
    vi: (p) => `tệp XLSX: phần ${p.part} có ${p.whatVi}`,
    en: (p) => `XLSX: part ${p.part} has ${p.whatEn}`,
  },
  'input.xlsxColumn': {
    vi: (p) => `ô ${q(p.ref)} nằm ngoài cột XFD (cột cuối cùng của Excel, thứ 16.384)`,
    en: (p) => `cell ${q(p.ref)} lies past column XFD (Excel's last, the 16,384th)`,
  },
  'input.xlsxCellTooLong': {
    vi: (p) => `ô ${q(p.ref)} dài hơn ${num(p.limit, 'vi')} ký tự (Excel chỉ cho 32.767)`,
    en: (p) => `cell ${q(p.ref)} is longer than ${num(p.limit, 'en')} characters (Excel allows 32,767)`,
  },
  'input.xlsxRowTooLong': {
    vi: (p) => `các ô của dòng này dài hơn ${num(p.limit, 'vi')} ký tự: không phải dòng của tệp xuất`,
    en: (p) => `the cells of this row hold more than ${num(p.limit, 'en')} characters: not an export's row`,
  },
  'input.spoolTooLarge': {
    vi: (p) => `sổ làm việc đọc từ luồng (ống dẫn, đầu vào chuẩn) được chép ra tệp tạm trước, tối đa ${p.limit}: tệp này lớn hơn; hãy đưa đường dẫn tệp`,
    en: (p) => `a workbook read from a stream (a pipe, stdin) is copied to a temporary file first, at most ${p.limit}: this one is larger; give its path instead`,
  },
  'input.tooLarge': {
    vi: (p) => `tệp lớn hơn ${p.limit}: không phải tệp loại này`,
    en: (p) => `file larger than ${p.limit}: not a file of this kind`,
  },
  'input.headerTooFar': {
    vi: (p) => `không thấy dòng tiêu đề trong ${p.limit} đầu tiên`,
    en: (p) => `no header row in the first ${p.limit}`,
  },
  'input.ambiguousKind': {
    vi: (p) => `không rõ loại tệp: tiêu đề có cột của tệp ${p.kindsVi}; hãy xuất riêng từng loại`,
    en: (p) => `ambiguous kind: the headers have columns of ${p.kindsEn} exports; export each kind separately`,
  },
  'input.unknownKind': {
    vi: (p) =>
      `không nhận ra loại tệp: cần cột mã hồ sơ (${p.dossierCodes}), mã PAKN (${p.feedbackCodes}), hoặc cột đơn vị và cột số liệu của báo cáo tổng hợp; tiêu đề là ${p.found}`,
    en: (p) =>
      `headers of no known kind: need a dossier-code column (${p.dossierCodes}), a feedback-code column (${p.feedbackCodes}), or a summary report's unit and count columns; found ${p.found}`,
  },
  'input.missingRequired': {
    vi: (p) => `tệp ${p.kindVi} thiếu cột bắt buộc: ${p.columnsVi}`,
    en: (p) => `${p.kindEn} file lacks required column: ${p.columnsEn}`,
  },
  'input.unitsNameOrCode': {
    vi: (p) => `tệp ${p.kindVi}: cần cột tên đơn vị (Tên đơn vị / Đơn vị) hoặc mã đơn vị (Mã đơn vị)`,
    en: (p) => `${p.kindEn} file: needs a unit name (Tên đơn vị / Đơn vị) or unit code (Mã đơn vị) column`,
  },
  'input.statusOrCompleted': {
    vi: (p) => `tệp ${p.kindVi}: cần cột trạng thái (Trạng thái) hoặc ngày hoàn thành (Ngày hoàn thành)`,
    en: (p) => `${p.kindEn} file: needs a status (Trạng thái) or completion date (Ngày hoàn thành) column`,
  },
  'input.otherPeriod': {
    vi: (p) => `báo cáo cho kỳ ${p.form} theo tiêu đề ${q(p.text)}, không phải kỳ đang tính ${p.period}; tính kỳ của báo cáo bằng --period (hoặc --from/--to), mỗi kỳ một lần chạy`,
    en: (p) => `report for period ${p.form} by its title ${q(p.text)}, not the period scored ${p.period}; score its period with --period (or --from/--to), one period per run`,
  },
  'input.noReportingUnit': {
    vi: (p) => `báo cáo theo lĩnh vực (cột ${q(p.header)}) không ghi đơn vị báo cáo: thêm dòng "Đơn vị báo cáo: …" trên tiêu đề, hoặc dùng --unit TÊN`,
    en: (p) => `a report by field of work (column ${q(p.header)}) names no reporting unit: add a title line "Đơn vị báo cáo: …", or give --unit NAME`,
  },
  'input.summaryTooLong': {
    vi: (p) => `báo cáo tổng hợp dài quá ${p.max} dòng (mỗi đơn vị hoặc lĩnh vực một dòng): đây không phải báo cáo tổng hợp?`,
    en: (p) => `summary report longer than ${p.max} rows (one per unit or field of work): is it really a summary report?`,
  },
  'input.tooManyUnits': {
    vi: (p) => `tệp có hơn ${num(p.limit, 'vi')} đơn vị khác nhau: không phải đơn vị của một tỉnh`,
    en: (p) => `more than ${num(p.limit, 'en')} distinct units in the file: not one province's units`,
  },
  'input.sideFileAsExport': {
    vi: (p) => `đây là ${p.kindVi}, không phải tệp xuất dữ liệu: hãy cho tệp này với ${p.option}`,
    en: (p) => `this is a ${p.kindEn}, not an export: give it with ${p.option}`,
  },
  'input.monthFirst': {
    vi: (p) => `cột ${q(p.header)} ghi ngày theo kiểu tháng trước ngày (${q(p.value)} chỉ đọc được là tháng/ngày/năm) và không có ngày nào đọc được chỉ theo kiểu ngày/tháng/năm: dùng --date-order mdy nếu đúng vậy`,
    en: (p) => `column ${q(p.header)} writes dates month first (${q(p.value)} reads only as month/day/year) and none reads only day first: give --date-order mdy if so`,
  },
  'input.doubleCounted': {
    vi: (p) => `tính hai lần: đơn vị ${q(p.unit)} có cả danh sách ${p.whatVi} và báo cáo tổng hợp cho kỳ ${p.period}; chỉ dùng một trong hai`,
    en: (p) => `double counting: unit ${q(p.unit)} has both ${p.whatEn} records and a summary report for period ${p.period}; give only one of them`,
  },
  'input.explainSummary': {
    vi: () => 'explain liệt kê các dòng của danh sách hồ sơ, PAKN; tệp này là báo cáo tổng hợp (chỉ có số đếm theo đơn vị, không có dòng hồ sơ)',
    en: () => 'explain lists the rows of dossier and PAKN lists; this file is a summary report (counts per unit, no dossier rows)',
  },
  'input.noDataInPeriod': {
    vi: (p) => `không có hồ sơ hay PAKN nào trong kỳ ${p.period} (${p.periodFrom} – ${p.periodTo}): dữ liệu từ ${p.from} đến ${p.to}; chọn kỳ bằng --period hoặc --from/--to`,
    en: (p) => `no dossier or feedback item in the period ${p.period} (${p.periodFrom} – ${p.periodTo}): the data runs from ${p.from} to ${p.to}; choose the period with --period or --from/--to`,
  },
  'map.yaml': { vi: (p) => `tệp ánh xạ: YAML không hợp lệ: ${p.detail}`, en: (p) => `mapping file: invalid YAML: ${p.detail}` },
  'map.schema': { vi: (p) => `tệp ánh xạ: ${p.path}: ${p.detail}`, en: (p) => `mapping file: ${p.path}: ${p.detail}` },
  'map.tooLarge': { vi: () => 'tệp ánh xạ quá lớn (> 1 MB)', en: () => 'mapping file too large (> 1 MB)' },
};

/**
 * An error's message in a language (without its place). What it echoes of the input (a value,
 * headers, a sheet's name, a library's detail) is cut to a few hundred characters and its
 * control characters escaped (util/safe-text.ts).
 */
export function errorText(e: CcchError, lang: Lang): string {
  return ERROR_TEXTS[e.code][lang](safeParams(e.params, ECHOED_CHARS));
}

/** How much of one echoed parameter an error line shows. */
const ECHOED_CHARS = 300;

/** One line, in the given language, with the place first (compiler style); nothing in it reaches a terminal raw. */
export function errorLine(e: CcchError, lang: Lang): string {
  const { file, line, column } = e.where;
  let place = '';
  if (file !== undefined) {
    place = safeText(file, ECHOED_CHARS);
    if (line !== undefined) place += `:${line}`;
    if (line !== undefined && column !== undefined) place += `:${column}`;
    place += ': ';
  }
  return `${place}${errorText(e, lang)}`.replace(/\s*\n\s*/g, ' ');
}
