// The units catalog and the UDUNITS-2 unit system built from it on first use.
#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

#include <fmt/format.h>
#include <udunits2.h>

#include "leaspec/catalog.hpp"
#include "leaspec/resources.hpp"
#include "leaspec/source.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::catalog {
namespace {

/// One kind of quantity: a base dimension with its own base unit, or a derived one whose
/// units convert to its reference expression.
struct Dimension {
  std::string name;
  std::string description;
  std::string unit;  ///< the base unit's symbol, or the reference expression
  bool base = false;
};

struct Rating {
  std::string symbol;
  std::string name;
  std::string standard;
  int digits = 0;
  bool by_digit = false;
};

/// Two dimensions that compare only with something the spec does not state.
struct Bridge {
  std::string a, b, needs;
};

/// The bundled catalog as read from its baked tree, without the unit system.
struct Table {
  std::vector<std::pair<std::string, double>> prefixes;
  std::vector<Dimension> dimensions;
  std::vector<UnitEntry> units;
  std::vector<Rating> ratings;
  std::vector<Bridge> bridges;
  /// Symbols and names to the index of their unit.
  std::map<std::string, std::size_t, std::less<>> by_form;
};

void read_dimension(const yaml::Node& item, Table& table) {
  Dimension dimension{item.text_at("name"), item.text_at("description"), item.text_at("base"),
                      item.find("base") != nullptr};
  if (!dimension.base) {
    dimension.unit = item.text_at("reference");
  }
  for (const yaml::Node* unit : item.find("units")->items()) {
    UnitEntry entry{unit->text_at("symbol"), {}, dimension.name, unit->text_at("definition")};
    if (const yaml::Node* names = unit->find("names")) {
      for (const yaml::Node* name : names->items()) {
        entry.names.emplace_back(name->text);
      }
    }
    if (const yaml::Node* in_text = unit->find("text")) {
      entry.in_text = in_text->boolean;
    }
    table.by_form.emplace(entry.symbol, table.units.size());
    for (const std::string& name : entry.names) {
      table.by_form.emplace(name, table.units.size());
    }
    table.units.push_back(std::move(entry));
  }
  table.dimensions.push_back(std::move(dimension));
}

const Table& bundled_table() {
  static const Table k_table = [] {
    Table table;
    yaml::Document document = bundled_tree("data/catalog/units.yaml");
    for (const yaml::Entry& prefix : document.root->find("prefixes")->entries()) {
      table.prefixes.emplace_back(prefix.key->text, prefix.value->number);
    }
    for (const yaml::Node* item : document.root->find("dimensions")->items()) {
      read_dimension(*item, table);
    }
    for (const yaml::Node* item : document.root->find("bridges")->items()) {
      const yaml::Node* between = item->find("between");
      table.bridges.push_back({std::string(between->items()[0]->text),
                               std::string(between->items()[1]->text), item->text_at("needs")});
    }
    for (const yaml::Node* item : document.root->find("ratings")->items()) {
      table.ratings.push_back(
          {item->text_at("symbol"), item->text_at("name"), item->text_at("standard"),
           static_cast<int>(item->find("digits")->integer), item->text_at("order") == "digits"});
    }
    return table;
  }();
  return k_table;
}

/// UDUNITS-2 keeps its parser's state and its status in globals: every call holds this lock.
std::mutex& udunits_lock() {
  static std::mutex k_lock;
  return k_lock;
}

/// The conversion of values between two units that differ by a scale and an offset.
struct Linear {
  double scale = 1;
  double offset = 0;
};

/// The longest unit text leaspec parses; longer ones are not units.
constexpr std::size_t k_max_expression = 64;

}  // namespace

struct Units::Impl {
  const Table& table = bundled_table();
  std::vector<UnitDefinition> added;
  /// The dimensions that added units bring, in the order they first appear.
  std::vector<std::string> added_dimensions;

  // Built on first use, under udunits_lock().
  ut_system* system = nullptr;
  std::map<std::string, ut_unit*, std::less<>> parsed;      ///< unit text -> unit (nullptr: none)
  std::map<std::string, ut_unit*, std::less<>> references;  ///< dimension -> reference unit
  std::map<std::pair<std::string, std::string>, std::optional<Linear>> conversions;
  std::map<std::string, std::string, std::less<>> compound_dimensions;
  std::vector<std::pair<std::string, std::string>> text_forms;
  std::once_flag text_forms_once;

  ~Impl() {
    for (auto& entry : parsed) {
      ut_free(entry.second);
    }
    for (auto& entry : references) {
      ut_free(entry.second);
    }
    if (system) {
      ut_free_system(system);
    }
  }

  bool is_catalog_dimension(std::string_view name) const {
    return std::any_of(table.dimensions.begin(), table.dimensions.end(),
                       [&](const Dimension& d) { return d.name == name; });
  }

  const UnitDefinition* find_added(std::string_view name) const {
    auto found = std::find_if(added.begin(), added.end(),
                              [&](const UnitDefinition& d) { return d.name == name; });
    return found == added.end() ? nullptr : &*found;
  }

  const Rating* find_rating(std::string_view symbol) const {
    auto found = std::find_if(table.ratings.begin(), table.ratings.end(),
                              [&](const Rating& r) { return r.symbol == symbol; });
    return found == table.ratings.end() ? nullptr : &*found;
  }

  ut_unit* parse(const std::string& expression) const {
    if (expression == "1") {
      return ut_get_dimensionless_unit_one(system);
    }
    return ut_parse(system, expression.c_str(), UT_UTF8);
  }

  /// Maps a unit's symbol and names, or throws: the bundled catalog must build.
  void map(const UnitEntry& entry, ut_unit* unit) const {
    bool ok = ut_map_symbol_to_unit(entry.symbol.c_str(), UT_UTF8, unit) == UT_SUCCESS;
    for (const std::string& name : entry.names) {
      ok = ok && ut_map_name_to_unit(name.c_str(), UT_UTF8, unit) == UT_SUCCESS;
    }
    if (!ok) {
      throw Error(fmt::format("the units catalog maps \"{}\" twice", entry.symbol));
    }
  }

  /// Builds the unit system from the catalog and the added units. Holds udunits_lock().
  void build() {
    ut_set_error_message_handler(ut_ignore);
    system = ut_new_system();
    for (const auto& [symbol, value] : table.prefixes) {
      ut_add_symbol_prefix(system, symbol.c_str(), value);
    }
    for (const Dimension& dimension : table.dimensions) {
      ut_unit* base = dimension.base ? ut_new_base_unit(system) : nullptr;
      for (const UnitEntry& entry : table.units) {
        if (entry.dimension != dimension.name) {
          continue;
        }
        ut_unit* unit = entry.definition.empty() ? ut_clone(base) : parse(entry.definition);
        if (!unit) {
          throw Error(fmt::format("the units catalog cannot define {} as \"{}\"", entry.symbol,
                                  entry.definition));
        }
        map(entry, unit);
        ut_free(unit);
      }
      ut_unit* reference = dimension.base ? base : parse(dimension.unit);
      if (!reference) {
        throw Error(
            fmt::format("the units catalog cannot parse the reference of {}", dimension.name));
      }
      references.emplace(dimension.name, reference);
    }
    for (const UnitDefinition& definition : added) {
      auto reference = references.find(definition.dimension);
      if (reference == references.end()) {
        reference = references.emplace(definition.dimension, ut_new_base_unit(system)).first;
      }
      parsed.emplace(definition.name, ut_scale(definition.factor, reference->second));
    }
  }

  /// The unit a text names, or nullptr. Holds udunits_lock().
  ut_unit* resolve(std::string_view text) {
    if (!system) {
      build();
    }
    auto cached = parsed.find(text);
    if (cached != parsed.end()) {
      return cached->second;
    }
    std::string key(text);
    ut_unit* unit = nullptr;
    auto entry = table.by_form.find(text);
    if (entry != table.by_form.end()) {
      unit = ut_get_unit_by_symbol(system, table.units[entry->second].symbol.c_str());
    } else if (key == "1") {
      unit = ut_get_dimensionless_unit_one(system);
    } else if (!key.empty() && key.size() <= k_max_expression &&
               key.find_first_not_of("0123456789.+-eE ") != std::string::npos &&
               !std::isspace(static_cast<unsigned char>(key.front())) &&
               !std::isspace(static_cast<unsigned char>(key.back()))) {
      unit = parse(key);
    }
    parsed.emplace(key, unit);
    return unit;
  }

  /// The dimension of a compound expression, by the reference it converts to.
  std::string dimension_of(ut_unit* unit) const {
    for (const Dimension& dimension : table.dimensions) {
      if (ut_are_convertible(unit, references.at(dimension.name))) {
        return dimension.name;
      }
    }
    for (const std::string& name : added_dimensions) {
      if (ut_are_convertible(unit, references.at(name))) {
        return name;
      }
    }
    char text[128];
    int length = ut_format(unit, text, sizeof text, UT_UTF8 | UT_DEFINITION);
    std::string definition =
        length > 0 ? std::string(text, std::min<std::size_t>(sizeof text - 1,
                                                             static_cast<std::size_t>(length)))
                   : std::string("an unnamed dimension");
    // The definition starts with the scale ("3.6 s·A"); the dimension is what follows it.
    std::size_t space = definition.find(' ');
    bool scaled =
        space != std::string::npos && definition.find_first_not_of("0123456789.e+-") == space;
    return scaled ? definition.substr(space + 1) : definition;
  }

  std::optional<Linear> linear(std::string_view from, std::string_view to) {
    auto key = std::make_pair(std::string(from), std::string(to));
    auto cached = conversions.find(key);
    if (cached != conversions.end()) {
      return cached->second;
    }
    std::optional<Linear> result;
    ut_unit* a = resolve(from);
    ut_unit* b = resolve(to);
    if (a && b && ut_are_convertible(a, b)) {
      cv_converter* converter = ut_get_converter(a, b);
      if (converter) {
        double zero = cv_convert_double(converter, 0);
        double one = cv_convert_double(converter, 1);
        double far = cv_convert_double(converter, 1000);
        Linear l{one - zero, zero};
        // Only scales and offsets convert; a logarithmic relation is not one.
        if (std::fabs(far - (l.offset + 1000 * l.scale)) <= 1e-9 * std::max(1.0, std::fabs(far))) {
          result = l;
        }
        cv_free(converter);
      }
    }
    conversions.emplace(std::move(key), result);
    return result;
  }
};

const Units& Units::bundled() {
  static const Units k_units({});
  return k_units;
}

Units::Units(std::vector<UnitDefinition> added) : m_impl(std::make_unique<Impl>()) {
  for (UnitDefinition& definition : added) {
    // Checked against the bundled units: this system is built on first use, with every
    // added unit in it.
    std::optional<UnitInfo> known = bundled().find(definition.name);
    if (!known && m_impl->find_added(definition.name)) {
      known = UnitInfo{definition.name, m_impl->find_added(definition.name)->dimension};
    }
    if (known) {
      throw Error(
          fmt::format("unit \"{}\" is already known as {}", definition.name, known->dimension));
    }
    if (!m_impl->is_catalog_dimension(definition.dimension) &&
        std::find(m_impl->added_dimensions.begin(), m_impl->added_dimensions.end(),
                  definition.dimension) == m_impl->added_dimensions.end()) {
      m_impl->added_dimensions.push_back(definition.dimension);
    }
    m_impl->added.push_back(std::move(definition));
  }
}

Units::~Units() {
  std::lock_guard lock(udunits_lock());
  m_impl.reset();
}

std::optional<UnitInfo> Units::find(std::string_view text) const {
  if (const Rating* rating = m_impl->find_rating(text)) {
    return UnitInfo{rating->symbol, rating->name, true, rating->digits, rating->by_digit};
  }
  const Table& table = m_impl->table;
  if (auto entry = table.by_form.find(text); entry != table.by_form.end()) {
    const UnitEntry& unit = table.units[entry->second];
    return UnitInfo{unit.symbol, unit.dimension};
  }
  if (const UnitDefinition* definition = m_impl->find_added(text)) {
    return UnitInfo{definition->name, definition->dimension};
  }
  std::lock_guard lock(udunits_lock());
  ut_unit* unit = m_impl->resolve(text);
  if (!unit) {
    return std::nullopt;
  }
  auto dimension = m_impl->compound_dimensions.find(text);
  if (dimension == m_impl->compound_dimensions.end()) {
    dimension = m_impl->compound_dimensions.emplace(text, m_impl->dimension_of(unit)).first;
  }
  return UnitInfo{std::string(text), dimension->second};
}

std::optional<double> Units::convert(double value, std::string_view from,
                                     std::string_view to) const {
  if (from == to) {
    return value;
  }
  if (m_impl->find_rating(from) || m_impl->find_rating(to)) {
    return std::nullopt;
  }
  std::lock_guard lock(udunits_lock());
  std::optional<Linear> l = m_impl->linear(from, to);
  if (!l) {
    return std::nullopt;
  }
  return value * l->scale + l->offset;
}

std::string Units::why_not(std::string_view a, std::string_view b) const {
  std::optional<UnitInfo> first = find(a);
  std::optional<UnitInfo> second = find(b);
  for (const auto& [text, info] : {std::pair{a, &first}, std::pair{b, &second}}) {
    if (!*info) {
      return fmt::format("\"{}\" is not a unit leaspec knows", text);
    }
  }
  auto what = [](const UnitInfo& info) {
    return info.rating ? fmt::format("a rating ({})", info.dimension) : info.dimension;
  };
  std::string message = fmt::format("{} is {}, {} is {}", a, what(*first), b, what(*second));
  if (first->rating || second->rating) {
    return message + "; a rating compares only with the same rating";
  }
  for (const Bridge& bridge : m_impl->table.bridges) {
    if ((bridge.a == first->dimension && bridge.b == second->dimension) ||
        (bridge.b == first->dimension && bridge.a == second->dimension)) {
      return fmt::format("{}; they compare only with {}", message, bridge.needs);
    }
  }
  return message + "; they do not compare";
}

std::string Units::reference_of(std::string_view dimension) const {
  for (const Dimension& d : m_impl->table.dimensions) {
    if (d.name == dimension) {
      return d.unit;
    }
  }
  return {};
}

std::vector<UnitEntry> Units::entries() const {
  std::vector<UnitEntry> result = m_impl->table.units;
  for (const Rating& rating : m_impl->table.ratings) {
    UnitEntry entry{rating.symbol, {}, rating.name, "", false, rating.standard, true};
    entry.definition = rating.by_digit ? "compares digit by digit" : "compares as a number";
    result.push_back(std::move(entry));
  }
  for (const UnitDefinition& definition : m_impl->added) {
    UnitEntry entry{definition.name, {}, definition.dimension};
    std::string reference = reference_of(definition.dimension);
    entry.definition = reference.empty() ? fmt::format("{} (added)", definition.factor)
                                         : fmt::format("{} {}", definition.factor, reference);
    result.push_back(std::move(entry));
  }
  return result;
}

const std::vector<std::pair<std::string, std::string>>& Units::text_forms() const {
  std::call_once(m_impl->text_forms_once, [this] {
    auto& forms = m_impl->text_forms;
    for (const UnitEntry& unit : m_impl->table.units) {
      if (!unit.in_text) {
        continue;
      }
      forms.emplace_back(unit.symbol, unit.symbol);
      for (const std::string& name : unit.names) {
        forms.emplace_back(name, unit.symbol);
      }
    }
    for (const UnitDefinition& definition : m_impl->added) {
      forms.emplace_back(definition.name, definition.name);
    }
    std::stable_sort(forms.begin(), forms.end(),
                     [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
  });
  return m_impl->text_forms;
}

}  // namespace leaspec::catalog
