// Reading a document's tables as their writers show them, and naming spreadsheet columns.
#include "leaspec/doc.hpp"
#include "leaspec/source.hpp"

namespace leaspec::doc {
namespace {

const Table& viewed(const Document& document, const TableView& view) {
  const Table* source = view.source < document.blocks.size()
                            ? std::get_if<Table>(&document.blocks[view.source])
                            : nullptr;
  if (!source || source->view) {
    throw Error("a table views a block that is not a table of its own rows");
  }
  return *source;
}

}  // namespace

std::string column_letters(std::size_t index) {
  std::string letters;
  ++index;
  while (index > 0) {
    letters.insert(letters.begin(), static_cast<char>('A' + (index - 1) % 26));
    index = (index - 1) / 26;
  }
  return letters;
}

std::size_t row_count(const Document& document, const Table& table) {
  if (!table.view) {
    return table.rows.size();
  }
  viewed(document, *table.view);
  return table.header_rows + table.view->rows.size();
}

const std::vector<Inline>& table_row(const Document& document, const Table& table,
                                     std::size_t index) {
  if (!table.view || index < table.header_rows) {
    return table.rows.at(index);
  }
  return viewed(document, *table.view).rows.at(table.view->rows.at(index - table.header_rows));
}

}  // namespace leaspec::doc
