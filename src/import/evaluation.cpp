// The evaluation of bidders' answers: a summary per bidder with the mandatory requirements
// each did not meet, and every answer side by side; as a document or as JSON.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "leaspec/import.hpp"

namespace leaspec::import {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view k_answer_names[] = {"compliant", "partially_compliant", "not_compliant",
                                               "unanswered", "unclear"};

std::string_view answer_name(Answer answer) {
  return k_answer_names[static_cast<std::size_t>(answer)];
}

std::size_t count(const BidderAnswers& bidder, Answer answer) {
  return static_cast<std::size_t>(
      std::count_if(bidder.rows.begin(), bidder.rows.end(),
                    [&](const AnswerRow& row) { return row.answer == answer; }));
}

doc::Inline plain(std::string text) {
  return {doc::Run{std::move(text)}};
}

std::string not_met_ids(const BidderAnswers& bidder, const doc::Strings& strings) {
  std::string ids;
  for (const AnswerRow* row : mandatory_not_met(bidder)) {
    ids += (ids.empty() ? "" : ", ") + row->id;
  }
  return ids.empty() ? strings["none"] : ids;
}

doc::Table summary(const std::vector<BidderAnswers>& bidders, const doc::Strings& strings) {
  doc::Table table;
  table.widths = {3, 2, 2, 2, 2, 2, 2, 6};
  std::vector<doc::Inline> header{plain(strings["col_bidder"]), plain(strings["col_requirements"])};
  for (Answer answer : {Answer::compliant, Answer::partial, Answer::not_compliant, Answer::empty,
                        Answer::unclear}) {
    header.push_back(plain(strings[answer_name(answer)]));
  }
  header.push_back(plain(strings["col_mandatory_not_met"]));
  table.rows.push_back(std::move(header));
  for (const BidderAnswers& bidder : bidders) {
    std::vector<doc::Inline> row{plain(bidder.bidder), plain(std::to_string(bidder.rows.size()))};
    for (Answer answer : {Answer::compliant, Answer::partial, Answer::not_compliant, Answer::empty,
                          Answer::unclear}) {
      row.push_back(plain(std::to_string(count(bidder, answer))));
    }
    row.push_back(plain(not_met_ids(bidder, strings)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

/// Every requirement once, in the order the first matrix that has it lists it.
std::vector<const AnswerRow*> every_requirement(const std::vector<BidderAnswers>& bidders) {
  std::vector<const AnswerRow*> rows;
  std::set<std::string> seen;
  for (const BidderAnswers& bidder : bidders) {
    for (const AnswerRow& row : bidder.rows) {
      if (seen.insert(row.id).second) {
        rows.push_back(&row);
      }
    }
  }
  return rows;
}

doc::Table side_by_side(const std::vector<BidderAnswers>& bidders, const doc::Strings& strings) {
  doc::Table table;
  table.widths = {2.2, 1.8, 6};
  std::vector<doc::Inline> header{plain(strings["col_id"]), plain(strings["col_priority"]),
                                  plain(strings["col_requirement"])};
  for (const BidderAnswers& bidder : bidders) {
    header.push_back(plain(bidder.bidder));
    table.widths.push_back(2.4);
  }
  table.rows.push_back(std::move(header));
  std::vector<std::map<std::string_view, const AnswerRow*>> by_id(bidders.size());
  for (std::size_t i = 0; i < bidders.size(); ++i) {
    for (const AnswerRow& row : bidders[i].rows) {
      by_id[i].emplace(row.id, &row);
    }
  }
  for (const AnswerRow* requirement : every_requirement(bidders)) {
    std::string priority =
        requirement->priority
            ? strings[fmt::format("priority_{}", spec::name(*requirement->priority))]
            : "";
    std::vector<doc::Inline> row{plain(requirement->id), plain(priority),
                                 plain(requirement->requirement)};
    for (const auto& answers : by_id) {
      auto found = answers.find(requirement->id);
      std::string answer;
      if (found != answers.end()) {
        const AnswerRow& given = *found->second;
        answer = given.answer == Answer::unclear ? given.answer_text
                                                 : strings[answer_name(given.answer)];
      }
      row.push_back(plain(answer));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace

doc::Document build_evaluation(const std::vector<BidderAnswers>& bidders,
                               const doc::Context& context) {
  const doc::Strings& strings = context.strings;
  doc::Document document;
  document.kind = doc::DocumentKind::evaluation;
  document.title = strings["evaluation_title"];
  document.subject = strings["evaluation_title"];
  document.language = strings.language();
  document.created = context.created;
  document.blocks.emplace_back(doc::Heading{1, strings["sheet_summary"]});
  document.blocks.emplace_back(summary(bidders, strings));
  document.blocks.emplace_back(doc::Heading{1, strings["sheet_answers"]});
  document.blocks.emplace_back(side_by_side(bidders, strings));
  return document;
}

std::string evaluation_json(const std::vector<BidderAnswers>& bidders) {
  Json list = Json::array();
  for (const BidderAnswers& bidder : bidders) {
    Json counts{{"requirements", bidder.rows.size()}};
    for (Answer answer : {Answer::compliant, Answer::partial, Answer::not_compliant, Answer::empty,
                          Answer::unclear}) {
      counts[std::string(answer_name(answer))] = count(bidder, answer);
    }
    Json not_met = Json::array();
    for (const AnswerRow* row : mandatory_not_met(bidder)) {
      not_met.push_back(row->id);
    }
    Json answers = Json::array();
    for (const AnswerRow& row : bidder.rows) {
      answers.push_back({{"id", row.id},
                         {"priority", row.priority ? Json(spec::name(*row.priority)) : Json()},
                         {"answer", answer_name(row.answer)},
                         {"text", row.answer_text},
                         {"response", row.response},
                         {"evidence", row.evidence},
                         {"sheet", row.sheet},
                         {"cell", row.cell}});
    }
    list.push_back({{"bidder", bidder.bidder},
                    {"file", bidder.file},
                    {"counts", counts},
                    {"mandatory_not_met", not_met},
                    {"answers", answers}});
  }
  return Json{{"bidders", list}}.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace leaspec::import
