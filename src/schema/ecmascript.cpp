// Reads JSON Schema patterns as ECMA-262 regular expressions in Unicode mode (the `u` flag,
// without the web-compatibility grammar of Annex B) and rewrites them for PCRE2, so that
// every pattern means what it means in ECMAScript or is refused.
#include <cctype>
#include <map>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "schema/regex.hpp"

namespace leaspec::schema {
namespace {

/// ECMAScript's WhiteSpace and LineTerminator code points, for \s, as PCRE2 class items.
constexpr std::string_view k_white_space =
    "\\x{9}-\\x{d}\\x{20}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}"
    "\\x{3000}\\x{feff}";

/// PCRE2's groups nest at most 250 deep; the parser stops there too.
constexpr int k_max_nesting = 250;
/// PCRE2's largest repetition count.
constexpr std::uint64_t k_max_repeat = 65535;

/// General_Category values, long and short, and the short name PCRE2 knows.
const std::pair<std::string_view, std::string_view> k_categories[] = {
    {"Cased_Letter", "L&"},
    {"LC", "L&"},
    {"Close_Punctuation", "Pe"},
    {"Pe", "Pe"},
    {"Connector_Punctuation", "Pc"},
    {"Pc", "Pc"},
    {"Control", "Cc"},
    {"Cc", "Cc"},
    {"cntrl", "Cc"},
    {"Currency_Symbol", "Sc"},
    {"Sc", "Sc"},
    {"Dash_Punctuation", "Pd"},
    {"Pd", "Pd"},
    {"Decimal_Number", "Nd"},
    {"Nd", "Nd"},
    {"digit", "Nd"},
    {"Enclosing_Mark", "Me"},
    {"Me", "Me"},
    {"Final_Punctuation", "Pf"},
    {"Pf", "Pf"},
    {"Format", "Cf"},
    {"Cf", "Cf"},
    {"Initial_Punctuation", "Pi"},
    {"Pi", "Pi"},
    {"Letter", "L"},
    {"L", "L"},
    {"Letter_Number", "Nl"},
    {"Nl", "Nl"},
    {"Line_Separator", "Zl"},
    {"Zl", "Zl"},
    {"Lowercase_Letter", "Ll"},
    {"Ll", "Ll"},
    {"Mark", "M"},
    {"M", "M"},
    {"Combining_Mark", "M"},
    {"Math_Symbol", "Sm"},
    {"Sm", "Sm"},
    {"Modifier_Letter", "Lm"},
    {"Lm", "Lm"},
    {"Modifier_Symbol", "Sk"},
    {"Sk", "Sk"},
    {"Nonspacing_Mark", "Mn"},
    {"Mn", "Mn"},
    {"Number", "N"},
    {"N", "N"},
    {"Open_Punctuation", "Ps"},
    {"Ps", "Ps"},
    {"Other", "C"},
    {"C", "C"},
    {"Other_Letter", "Lo"},
    {"Lo", "Lo"},
    {"Other_Number", "No"},
    {"No", "No"},
    {"Other_Punctuation", "Po"},
    {"Po", "Po"},
    {"Other_Symbol", "So"},
    {"So", "So"},
    {"Paragraph_Separator", "Zp"},
    {"Zp", "Zp"},
    {"Private_Use", "Co"},
    {"Co", "Co"},
    {"Punctuation", "P"},
    {"P", "P"},
    {"punct", "P"},
    {"Separator", "Z"},
    {"Z", "Z"},
    {"Space_Separator", "Zs"},
    {"Zs", "Zs"},
    {"Spacing_Mark", "Mc"},
    {"Mc", "Mc"},
    {"Surrogate", "Cs"},
    {"Cs", "Cs"},
    {"Symbol", "S"},
    {"S", "S"},
    {"Titlecase_Letter", "Lt"},
    {"Lt", "Lt"},
    {"Unassigned", "Cn"},
    {"Cn", "Cn"},
    {"Uppercase_Letter", "Lu"},
    {"Lu", "Lu"},
};

/// The binary Unicode properties ECMA-262 allows in \p{...}, long and short names.
const std::string_view k_binary_properties[] = {"ASCII",
                                                "ASCII_Hex_Digit",
                                                "AHex",
                                                "Alphabetic",
                                                "Alpha",
                                                "Any",
                                                "Bidi_Control",
                                                "Bidi_C",
                                                "Bidi_Mirrored",
                                                "Bidi_M",
                                                "Case_Ignorable",
                                                "CI",
                                                "Cased",
                                                "Changes_When_Casefolded",
                                                "CWCF",
                                                "Changes_When_Casemapped",
                                                "CWCM",
                                                "Changes_When_Lowercased",
                                                "CWL",
                                                "Changes_When_NFKC_Casefolded",
                                                "CWKCF",
                                                "Changes_When_Titlecased",
                                                "CWT",
                                                "Changes_When_Uppercased",
                                                "CWU",
                                                "Dash",
                                                "Default_Ignorable_Code_Point",
                                                "DI",
                                                "Deprecated",
                                                "Dep",
                                                "Diacritic",
                                                "Dia",
                                                "Emoji",
                                                "Emoji_Component",
                                                "EComp",
                                                "Emoji_Modifier",
                                                "EMod",
                                                "Emoji_Modifier_Base",
                                                "EBase",
                                                "Emoji_Presentation",
                                                "EPres",
                                                "Extended_Pictographic",
                                                "ExtPict",
                                                "Extender",
                                                "Ext",
                                                "Grapheme_Base",
                                                "Gr_Base",
                                                "Grapheme_Extend",
                                                "Gr_Ext",
                                                "Hex_Digit",
                                                "Hex",
                                                "IDS_Binary_Operator",
                                                "IDSB",
                                                "IDS_Trinary_Operator",
                                                "IDST",
                                                "ID_Continue",
                                                "IDC",
                                                "ID_Start",
                                                "IDS",
                                                "Ideographic",
                                                "Ideo",
                                                "Join_Control",
                                                "Join_C",
                                                "Logical_Order_Exception",
                                                "LOE",
                                                "Lowercase",
                                                "Lower",
                                                "Math",
                                                "Noncharacter_Code_Point",
                                                "NChar",
                                                "Pattern_Syntax",
                                                "Pat_Syn",
                                                "Pattern_White_Space",
                                                "Pat_WS",
                                                "Quotation_Mark",
                                                "QMark",
                                                "Radical",
                                                "Regional_Indicator",
                                                "RI",
                                                "Sentence_Terminal",
                                                "STerm",
                                                "Soft_Dotted",
                                                "SD",
                                                "Terminal_Punctuation",
                                                "Term",
                                                "Unified_Ideograph",
                                                "UIdeo",
                                                "Uppercase",
                                                "Upper",
                                                "Variation_Selector",
                                                "VS",
                                                "White_Space",
                                                "space",
                                                "XID_Continue",
                                                "XIDC",
                                                "XID_Start",
                                                "XIDS"};

bool is_syntax_character(char c) {
  return std::string_view("^$\\.*+?()[]{}|").find(c) != std::string_view::npos;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

unsigned hex_value(char c) {
  return c <= '9' ? static_cast<unsigned>(c - '0') : static_cast<unsigned>((c | 0x20) - 'a' + 10);
}

bool is_surrogate(char32_t code) {
  return code >= 0xD800 && code <= 0xDFFF;
}

std::string code_point(char32_t code) {
  return fmt::format("\\x{{{:x}}}", static_cast<std::uint32_t>(code));
}

/// One item of a character class: a code point or a set written as an escape.
struct ClassAtom {
  bool is_set = false;
  char32_t code = 0;
  std::string set;         ///< PCRE2 class items for a set (\d, \p{L}, ECMAScript's \s)
  bool not_space = false;  ///< \S, which PCRE2 cannot say inside a class
};

class Parser {
 public:
  explicit Parser(std::string_view pattern) : m_pattern(pattern) {}

  Translation run() {
    count_groups();
    disjunction(0);
    if (m_error.empty() && m_pos < m_pattern.size()) {
      fail("unmatched ')'");
    }
    if (!m_error.empty()) {
      return {"", m_error};
    }
    return {std::move(m_out), ""};
  }

 private:
  bool at_end() const { return m_pos >= m_pattern.size() || !m_error.empty(); }
  char peek(std::size_t ahead = 0) const {
    return m_pos + ahead < m_pattern.size() ? m_pattern[m_pos + ahead] : '\0';
  }
  bool starts_with(std::string_view text) const {
    return m_pattern.substr(m_pos, text.size()) == text;
  }

  void fail(std::string message) {
    if (m_error.empty()) {
      m_error = fmt::format("{} at offset {}", message, m_pos);
    }
  }

  /// Counts capturing groups and numbers their names, which backreferences may use before the
  /// group appears. Names become g1, g2, ... for PCRE2, which allows fewer characters in them.
  void count_groups() {
    bool in_class = false;
    for (std::size_t i = 0; i < m_pattern.size(); ++i) {
      char c = m_pattern[i];
      if (c == '\\') {
        ++i;
      } else if (in_class) {
        in_class = c != ']';
      } else if (c == '[') {
        in_class = true;
      } else if (c == '(') {
        std::string_view rest = m_pattern.substr(i + 1);
        if (rest.substr(0, 1) != "?" || (rest.substr(0, 2) == "?<" && rest.substr(0, 3) != "?<=" &&
                                         rest.substr(0, 3) != "?<!")) {
          ++m_group_count;
        }
        if (rest.substr(0, 2) == "?<" && m_group_count > 0) {
          std::string name(rest.substr(2, rest.find('>') - 2));
          m_names.emplace(name, fmt::format("g{}", m_names.size() + 1));
        }
      }
    }
  }

  void disjunction(int depth) {
    if (depth > k_max_nesting) {
      fail(fmt::format("groups nest deeper than {}", k_max_nesting));
      return;
    }
    alternative(depth);
    while (!at_end() && peek() == '|') {
      m_out += '|';
      ++m_pos;
      alternative(depth);
    }
  }

  void alternative(int depth) {
    while (!at_end() && peek() != '|' && peek() != ')') {
      term(depth);
    }
  }

  void term(int depth) {
    char c = peek();
    bool quantifiable = true;
    if (c == '^' || c == '$') {
      m_out += c;
      ++m_pos;
      quantifiable = false;
    } else if (c == '\\' && (peek(1) == 'b' || peek(1) == 'B')) {
      m_out += m_pattern.substr(m_pos, 2);
      m_pos += 2;
      quantifiable = false;
    } else if (c == '(') {
      quantifiable = group(depth);
    } else if (c == '.') {
      m_out += "[^\\n\\r\\x{2028}\\x{2029}]";
      ++m_pos;
    } else if (c == '[') {
      character_class();
    } else if (c == '\\') {
      atom_escape();
    } else if (c == '*' || c == '+' || c == '?' || c == '{') {
      fail(c == '{' ? "lone '{' (write \\{ for the character)" : "nothing to repeat");
      return;
    } else if (c == '}' || c == ']') {
      fail(fmt::format("lone '{}' (write \\{} for the character)", c, c));
      return;
    } else {
      literal();
    }
    if (!at_end()) {
      quantifier(quantifiable);
    }
  }

  /// A group or lookaround; says whether a quantifier may follow it.
  bool group(int depth) {
    bool quantifiable = true;
    if (starts_with("(?=") || starts_with("(?!")) {
      m_out += m_pattern.substr(m_pos, 3);
      m_pos += 3;
      quantifiable = false;
    } else if (starts_with("(?<=") || starts_with("(?<!")) {
      m_out += m_pattern.substr(m_pos, 4);
      m_pos += 4;
      quantifiable = false;
    } else if (starts_with("(?:")) {
      m_out += "(?:";
      m_pos += 3;
    } else if (starts_with("(?<")) {
      m_pos += 3;
      std::string name = group_name();
      if (!m_error.empty()) {
        return false;
      }
      if (!m_defined.insert(name).second) {
        fail(fmt::format("the group name \"{}\" is used twice", name));
        return false;
      }
      m_out += fmt::format("(?<{}>", m_names.at(name));
    } else if (starts_with("(?")) {
      fail(
          "\"(?\" does not start a group ECMAScript knows; inline flags such as (?i) do not "
          "exist in ECMA-262");
      return false;
    } else {
      m_out += '(';
      ++m_pos;
    }
    disjunction(depth + 1);
    if (!m_error.empty()) {
      return false;
    }
    if (peek() != ')') {
      fail("missing ')'");
      return false;
    }
    m_out += ')';
    ++m_pos;
    return quantifiable;
  }

  /// A group name after "(?<" or "\k<", up to and without the '>'.
  std::string group_name() {
    std::size_t end = m_pattern.find('>', m_pos);
    std::string_view name =
        m_pattern.substr(m_pos, end == std::string_view::npos ? 0 : end - m_pos);
    bool valid = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
    for (char c : name) {
      auto byte = static_cast<unsigned char>(c);
      valid = valid && (std::isalnum(byte) || c == '_' || c == '$' || byte >= 0x80);
    }
    if (!valid) {
      fail("invalid group name");
      return {};
    }
    m_pos = end + 1;
    return std::string(name);
  }

  void quantifier(bool quantifiable) {
    char c = peek();
    std::size_t start = m_pos;
    if (c == '*' || c == '+' || c == '?') {
      ++m_pos;
    } else if (c == '{') {
      ++m_pos;
      std::uint64_t low = 0, high = 0;
      bool has_low = number(low);
      bool has_high = false;
      if (peek() == ',') {
        ++m_pos;
        has_high = number(high);
      }
      if (!has_low || peek() != '}') {
        fail("incomplete quantifier (write \\{ for the character)");
        return;
      }
      ++m_pos;
      if (has_high && high < low) {
        fail("numbers out of order in a {} quantifier");
        return;
      }
      if (low > k_max_repeat || high > k_max_repeat) {
        fail(fmt::format("repetition counts above {} are not supported", k_max_repeat));
        return;
      }
    } else {
      return;
    }
    if (!quantifiable) {
      m_pos = start;
      fail("nothing to repeat (an assertion cannot be quantified)");
      return;
    }
    if (peek() == '?') {
      ++m_pos;
    }
    m_out += m_pattern.substr(start, m_pos - start);
    if (peek() == '*' || peek() == '+' || peek() == '?' || peek() == '{') {
      fail("nothing to repeat");
    }
  }

  bool number(std::uint64_t& value) {
    std::size_t start = m_pos;
    value = 0;
    while (peek() >= '0' && peek() <= '9') {
      value = std::min<std::uint64_t>(value * 10 + static_cast<unsigned>(peek() - '0'),
                                      k_max_repeat + 1);
      ++m_pos;
    }
    return m_pos > start;
  }

  /// The code point at the current position (the pattern is UTF-8), advancing past it.
  char32_t next_code_point() {
    auto byte = static_cast<unsigned char>(peek());
    std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t code = length == 1 ? char32_t{byte} : char32_t{byte} & (char32_t{0x3F} >> (length - 1));
    for (std::size_t i = 1; i < length; ++i) {
      code = (code << 6) | (static_cast<unsigned char>(peek(i)) & 0x3F);
    }
    m_pos = std::min(m_pos + length, m_pattern.size());
    return code;
  }

  void literal() {
    auto byte = static_cast<unsigned char>(peek());
    if (byte >= 0x80) {
      std::size_t start = m_pos;
      next_code_point();
      m_out += m_pattern.substr(start, m_pos - start);
    } else if (std::isalnum(byte)) {
      m_out += static_cast<char>(byte);
      ++m_pos;
    } else {
      m_out += code_point(byte);
      ++m_pos;
    }
  }

  void atom_escape() {
    ++m_pos;  // the backslash
    char c = peek();
    if (m_pos >= m_pattern.size()) {
      fail("'\\' at the end of the pattern");
    } else if (c >= '1' && c <= '9') {
      std::uint64_t group = 0;
      while (peek() >= '0' && peek() <= '9') {
        group = std::min<std::uint64_t>(group * 10 + static_cast<unsigned>(peek() - '0'), 100000);
        ++m_pos;
      }
      if (group > m_group_count) {
        fail(fmt::format("\\{} refers to a group that does not exist", group));
        return;
      }
      m_out += fmt::format("\\g{{{}}}", group);
    } else if (c == 'k') {
      ++m_pos;
      if (peek() != '<') {
        fail("\\k must be followed by a group name in <>");
        return;
      }
      ++m_pos;
      std::string name = group_name();
      auto found = m_names.find(name);
      if (m_error.empty() && found == m_names.end()) {
        fail(fmt::format("\\k<{}> names no group", name));
        return;
      }
      if (m_error.empty()) {
        m_out += fmt::format("\\k<{}>", found->second);
      }
    } else {
      ClassAtom atom = escape(false);
      if (!m_error.empty()) {
        return;
      }
      if (!atom.is_set) {
        m_out += is_surrogate(atom.code) ? "(?!)" : code_point(atom.code);
      } else if (atom.not_space) {
        m_out += fmt::format("[^{}]", k_white_space);
      } else {
        m_out += fmt::format("[{}]", atom.set);
      }
    }
  }

  /// The escape after a backslash that may appear both in and outside a class.
  ClassAtom escape(bool in_class) {
    char c = peek();
    ++m_pos;
    ClassAtom atom;
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        atom.is_set = true;
        atom.set = fmt::format("\\{}", c);
        return atom;
      case 's':
        atom.is_set = true;
        atom.set = std::string(k_white_space);
        return atom;
      case 'S':
        atom.is_set = true;
        atom.not_space = true;
        return atom;
      case 'p':
      case 'P':
        atom.is_set = true;
        atom.set = property(c == 'P');
        return atom;
      case 'f':
        atom.code = '\f';
        return atom;
      case 'n':
        atom.code = '\n';
        return atom;
      case 'r':
        atom.code = '\r';
        return atom;
      case 't':
        atom.code = '\t';
        return atom;
      case 'v':
        atom.code = '\v';
        return atom;
      case 'c':
        if (std::isalpha(static_cast<unsigned char>(peek())) && peek() < 0x7F) {
          atom.code = static_cast<char32_t>(peek() % 32);
          ++m_pos;
          return atom;
        }
        fail("\\c must be followed by a letter");
        return atom;
      case '0':
        if (peek() >= '0' && peek() <= '9') {
          fail("octal escapes do not exist in ECMAScript's Unicode mode");
        }
        return atom;
      case 'x':
        if (is_hex(peek()) && is_hex(peek(1))) {
          atom.code = hex_value(peek()) * 16 + hex_value(peek(1));
          m_pos += 2;
          return atom;
        }
        fail("\\x must be followed by two hexadecimal digits");
        return atom;
      case 'u':
        atom.code = unicode_escape();
        return atom;
      case 'b':
        if (in_class) {
          atom.code = '\b';
          return atom;
        }
        break;
      case '-':
        if (in_class) {
          atom.code = '-';
          return atom;
        }
        break;
      default:
        if (is_syntax_character(c) || c == '/') {
          atom.code = static_cast<unsigned char>(c);
          return atom;
        }
        break;
    }
    --m_pos;
    fail(fmt::format("\\{} is not an escape ECMAScript's Unicode mode knows",
                     m_pattern.substr(m_pos, 1)));
    return atom;
  }

  unsigned hex_digits(std::size_t count) {
    unsigned value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (!is_hex(peek())) {
        fail("\\u must be followed by four hexadecimal digits or {digits}");
        return 0;
      }
      value = value * 16 + hex_value(peek());
      ++m_pos;
    }
    return value;
  }

  char32_t unicode_escape() {
    if (peek() == '{') {
      ++m_pos;
      char32_t value = 0;
      std::size_t start = m_pos;
      while (is_hex(peek())) {
        value = std::min<char32_t>(value * 16 + hex_value(peek()), 0x110000);
        ++m_pos;
      }
      if (m_pos == start || peek() != '}' || value > 0x10FFFF) {
        fail("\\u{...} must hold a code point up to 10FFFF");
        return 0;
      }
      ++m_pos;
      return value;
    }
    char32_t value = hex_digits(4);
    // A surrogate pair written as two escapes is one code point.
    if (value >= 0xD800 && value <= 0xDBFF && starts_with("\\u") && is_hex(peek(2))) {
      std::size_t saved = m_pos;
      m_pos += 2;
      char32_t low = hex_digits(4);
      if (m_error.empty() && low >= 0xDC00 && low <= 0xDFFF) {
        return 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
      }
      m_error.clear();
      m_pos = saved;
    }
    return value;
  }

  /// \p{...} or \P{...} as PCRE2 class items.
  std::string property(bool negated) {
    if (peek() != '{') {
      fail("\\p must be followed by a property in {}");
      return {};
    }
    std::size_t close = m_pattern.find('}', m_pos);
    if (close == std::string_view::npos) {
      fail("\\p{ is never closed");
      return {};
    }
    std::string_view body = m_pattern.substr(m_pos + 1, close - m_pos - 1);
    m_pos = close + 1;
    std::string_view name = body, value;
    if (std::size_t equals = body.find('='); equals != std::string_view::npos) {
      name = body.substr(0, equals);
      value = body.substr(equals + 1);
    }
    char p = negated ? 'P' : 'p';
    auto category = [&](std::string_view text) -> std::string {
      for (auto [long_name, short_name] : k_categories) {
        if (text == long_name) {
          return fmt::format("\\{}{{{}}}", p, short_name);
        }
      }
      return {};
    };
    if (value.empty() && body.find('=') == std::string_view::npos) {
      if (std::string found = category(name); !found.empty()) {
        return found;
      }
      if (name == "Assigned") {
        return fmt::format("\\{}{{Cn}}", negated ? 'p' : 'P');
      }
      for (std::string_view binary : k_binary_properties) {
        if (name == binary) {
          return fmt::format("\\{}{{{}}}", p, name);
        }
      }
    } else if (name == "General_Category" || name == "gc") {
      if (std::string found = category(value); !found.empty()) {
        return found;
      }
    } else if (name == "Script" || name == "sc" || name == "Script_Extensions" || name == "scx") {
      bool plain = !value.empty();
      for (char c : value) {
        plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
      }
      if (plain) {
        bool extensions = name == "Script_Extensions" || name == "scx";
        return fmt::format("\\{}{{{}={}}}", p, extensions ? "scx" : "sc", value);
      }
    }
    fail(fmt::format("\\{}{{{}}} is not a Unicode property ECMAScript knows", p, body));
    return {};
  }

  ClassAtom class_atom() {
    if (peek() == '\\') {
      ++m_pos;
      if (m_pos >= m_pattern.size()) {
        fail("'\\' at the end of the pattern");
        return {};
      }
      return escape(true);
    }
    ClassAtom atom;
    atom.code = next_code_point();
    return atom;
  }

  void character_class() {
    ++m_pos;  // '['
    bool negated = peek() == '^';
    if (negated) {
      ++m_pos;
    }
    std::string items;
    bool not_space = false;
    while (m_error.empty() && peek() != ']') {
      if (m_pos >= m_pattern.size()) {
        fail("missing ']'");
        return;
      }
      ClassAtom low = class_atom();
      if (peek() == '-' && peek(1) != ']' && m_pos + 1 < m_pattern.size()) {
        ++m_pos;
        ClassAtom high = class_atom();
        if (!m_error.empty()) {
          return;
        }
        if (low.is_set || high.is_set) {
          fail("a class escape such as \\d cannot bound a range");
          return;
        }
        if (high.code < low.code) {
          fail("range out of order in a character class");
          return;
        }
        items += class_range(low.code, high.code);
        continue;
      }
      if (low.not_space) {
        not_space = true;
      } else if (low.is_set) {
        items += low.set;
      } else {
        items += class_range(low.code, low.code);
      }
    }
    if (!m_error.empty()) {
      return;
    }
    ++m_pos;  // ']'
    m_out += class_text(items, negated, not_space);
  }

  /// A range of code points as PCRE2 class items, without surrogates (UTF-8 text has none).
  static std::string class_range(char32_t low, char32_t high) {
    auto range = [](char32_t a, char32_t b) {
      return a == b ? code_point(a) : code_point(a) + "-" + code_point(b);
    };
    std::string result;
    if (low < 0xD800) {
      result += range(low, std::min<char32_t>(high, 0xD7FF));
    }
    if (high > 0xDFFF) {
      result += range(std::max<char32_t>(low, 0xE000), high);
    }
    return result;
  }

  static std::string class_text(const std::string& items, bool negated, bool not_space) {
    if (not_space) {
      // [x\S] is x or not space; [^x\S] is space but not x.
      if (negated) {
        return items.empty() ? fmt::format("[{}]", k_white_space)
                             : fmt::format("(?![{}])[{}]", items, k_white_space);
      }
      return items.empty() ? fmt::format("[^{}]", k_white_space)
                           : fmt::format("(?:[{}]|[^{}])", items, k_white_space);
    }
    if (items.empty()) {
      return negated ? "[\\x{0}-\\x{10ffff}]" : "(?!)";
    }
    return fmt::format("[{}{}]", negated ? "^" : "", items);
  }

  std::string_view m_pattern;
  std::size_t m_pos = 0;
  std::string m_out;
  std::string m_error;
  std::uint64_t m_group_count = 0;
  /// Group names and the names PCRE2 is given for them.
  std::map<std::string, std::string> m_names;
  std::set<std::string> m_defined;
};

}  // namespace

Translation translate_ecmascript(std::string_view pattern) {
  return Parser(pattern).run();
}

}  // namespace leaspec::schema
