// XLSX on libxlsxwriter. libxlsxwriter writes a file and stamps it with the current time, so
// the archive is read back and written again through the deterministic zip.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "leaspec/write.hpp"

namespace leaspec::write {
namespace {

std::string cell_text(const doc::Inline& cell) {
  std::string text;
  for (const doc::Run& run : cell) {
    text += run.text;
  }
  return text;
}

const doc::Run* formula_of(const doc::Inline& cell) {
  return cell.size() == 1 && !cell.front().formula.empty() ? &cell.front() : nullptr;
}

/// Removes the creation and modification times libxlsxwriter always writes, unless
/// SOURCE_DATE_EPOCH asks for a date.
std::string fix_core_properties(std::string xml, const text::Timestamp& created) {
  std::string date = created.iso8601();
  for (const char* element : {"dcterms:created", "dcterms:modified"}) {
    std::string open = fmt::format("<{} ", element);
    std::string close = fmt::format("</{}>", element);
    std::size_t begin = xml.find(open);
    std::size_t end = xml.find(close, begin == std::string::npos ? 0 : begin);
    if (begin == std::string::npos || end == std::string::npos) {
      continue;
    }
    if (date.empty()) {
      xml.erase(begin, end + close.size() - begin);
    } else {
      std::size_t value = xml.find('>', begin) + 1;
      xml.replace(value, end - value, date);
    }
  }
  return xml;
}

/// The entries of the archive libxlsxwriter wrote, in its order.
std::vector<ZipEntry> read_entries(const std::string& path, const text::Timestamp& created) {
  int error_code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error_code);
  if (!archive) {
    throw Error("cannot read back the spreadsheet that was written");
  }
  std::vector<ZipEntry> entries;
  zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t stat;
    zip_stat_index(archive, index, 0, &stat);
    std::string data(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, index, 0);
    zip_int64_t read = file ? zip_fread(file, data.data(), stat.size) : -1;
    if (file) {
      zip_fclose(file);
    }
    if (read != static_cast<zip_int64_t>(stat.size)) {
      zip_discard(archive);
      throw Error("cannot read back the spreadsheet that was written");
    }
    std::string name = stat.name;
    if (name == "docProps/core.xml") {
      data = fix_core_properties(std::move(data), created);
    }
    entries.push_back({name, std::move(data), true});
  }
  zip_discard(archive);
  return entries;
}

class Sheets {
 public:
  explicit Sheets(lxw_workbook* workbook) : m_workbook(workbook) {
    m_header = workbook_add_format(workbook);
    format_set_bold(m_header);
    format_set_text_wrap(m_header);
    format_set_align(m_header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(m_header, 0xE8ECF2);
    format_set_border(m_header, LXW_BORDER_THIN);
    m_cell = workbook_add_format(workbook);
    format_set_text_wrap(m_cell);
    format_set_align(m_cell, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(m_cell, LXW_BORDER_THIN);
    m_bold = workbook_add_format(workbook);
    format_set_bold(m_bold);
    format_set_border(m_bold, LXW_BORDER_THIN);
    m_input = workbook_add_format(workbook);
    format_set_unlocked(m_input);
    format_set_text_wrap(m_input);
    format_set_align(m_input, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(m_input, LXW_BORDER_THIN);
    format_set_bg_color(m_input, 0xFFF8DC);
  }

  void start(const std::string& name) {
    std::string unique = name.empty() ? "Sheet" : name;
    for (int n = 2; m_names.count(unique); ++n) {
      unique = fmt::format("{} {}", name.substr(0, 28), n);
    }
    m_names.insert(std::make_pair(unique, 0));
    m_sheet = workbook_add_worksheet(m_workbook, unique.c_str());
    m_row = 0;
  }

  void table(const doc::Table& t) {
    if (!m_sheet) {
      start("Sheet");
    }
    auto first_row = static_cast<lxw_row_t>(m_row);
    std::size_t columns = t.rows.empty() ? 0 : t.rows.front().size();
    std::vector<bool> input(columns, false);
    for (std::size_t c : t.input_columns) {
      if (c < columns) {
        input[c] = true;
      }
    }
    for (std::size_t c = 0; c < t.widths.size(); ++c) {
      worksheet_set_column(m_sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           t.widths[c] * 7.0, nullptr);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      bool header = r < t.header_rows;
      for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
        const doc::Inline& cell = t.rows[r][c];
        lxw_format* format = header                                 ? m_header
                             : input[c]                             ? m_input
                             : (!cell.empty() && cell.front().bold) ? m_bold
                                                                    : m_cell;
        auto row = static_cast<lxw_row_t>(m_row);
        auto col = static_cast<lxw_col_t>(c);
        if (const doc::Run* run = formula_of(cell)) {
          worksheet_write_formula_num(m_sheet, row, col, ("=" + run->formula).c_str(), format,
                                      std::strtod(run->text.c_str(), nullptr));
        } else {
          std::string text = cell_text(cell);
          if (text.empty()) {
            worksheet_write_blank(m_sheet, row, col, format);
          } else {
            worksheet_write_string(m_sheet, row, col, text.c_str(), format);
          }
        }
      }
      ++m_row;
    }
    if (t.rows.empty() || columns == 0) {
      return;
    }
    auto last_row = static_cast<lxw_row_t>(m_row - 1);
    auto last_col = static_cast<lxw_col_t>(columns - 1);
    if (t.header_rows > 0 && first_row == 0) {
      worksheet_freeze_panes(m_sheet, static_cast<lxw_row_t>(t.header_rows), 0);
      worksheet_autofilter(m_sheet, 0, 0, last_row, last_col);
    }
    auto data_first = static_cast<lxw_row_t>(first_row + t.header_rows);
    for (const auto& [column, values] : t.choices) {
      if (data_first > last_row || column >= columns) {
        continue;
      }
      std::vector<const char*> list;
      for (const std::string& value : values) {
        list.push_back(value.c_str());
      }
      list.push_back(nullptr);
      lxw_data_validation validation{};
      validation.validate = LXW_VALIDATION_TYPE_LIST;
      validation.value_list = const_cast<char**>(list.data());
      validation.ignore_blank = LXW_VALIDATION_ON;
      validation.show_error = LXW_VALIDATION_ON;
      validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      worksheet_data_validation_range(m_sheet, data_first, static_cast<lxw_col_t>(column), last_row,
                                      static_cast<lxw_col_t>(column), &validation);
    }
    // Bidders may filter, sort and resize, and type only into the unlocked cells.
    lxw_protection protection{};
    protection.autofilter = 1;
    protection.sort = 1;
    protection.format_columns = 1;
    protection.format_rows = 1;
    protection.no_select_locked_cells = 0;
    worksheet_protect(m_sheet, nullptr, &protection);
    ++m_row;
  }

 private:
  lxw_workbook* m_workbook;
  lxw_worksheet* m_sheet = nullptr;
  std::size_t m_row = 0;
  std::map<std::string, int> m_names;
  lxw_format* m_header;
  lxw_format* m_cell;
  lxw_format* m_bold;
  lxw_format* m_input;
};

}  // namespace

std::string render_xlsx(const doc::Document& document) {
  std::string folder = std::filesystem::temp_directory_path().string();
  std::string path = folder + "/leaspec-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) {
    throw Error("cannot create a temporary file for the spreadsheet");
  }
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove{path};
  lxw_workbook_options options{};
  options.tmpdir = folder.data();
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (!workbook) {
    throw Error("cannot create the spreadsheet");
  }
  lxw_doc_properties properties{};
  std::string title = document.title;
  std::string subject = document.subject;
  properties.title = title.data();
  properties.subject = subject.data();
  properties.author = const_cast<char*>("leaspec");
  workbook_set_properties(workbook, &properties);
  Sheets sheets(workbook);
  for (const doc::Block& block : document.blocks) {
    if (const auto* heading = std::get_if<doc::Heading>(&block); heading && heading->level == 1) {
      sheets.start(heading->text);
    } else if (const auto* table = std::get_if<doc::Table>(&block)) {
      sheets.table(*table);
    }
  }
  lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) {
    throw Error(fmt::format("cannot write the spreadsheet: {}", lxw_strerror(error)));
  }
  return make_zip(read_entries(path, document.created), document.created);
}

}  // namespace leaspec::write
