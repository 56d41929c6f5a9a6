// The traceability graph: a layered layout of requirements, the requirements they depend on
// and the references they cite, drawn left to right.
//
// Layers: a requirement that depends on nothing sits in the last requirement layer; one that
// depends on others sits left of all of them; references form the last layer. An edge that
// spans layers passes through a bend point in each layer between. Requirements keep the
// document's order in their layers, so a reader finds them as in the spec; bend points and
// references are ordered by where their neighbours are. Vertical positions then follow the
// neighbours: each layer is placed as close as possible to the mean position of every node's
// neighbours while keeping its order and spacing (an isotonic regression, solved exactly by
// pooling adjacent violators), sweeping back and forth a few times.
#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include "site/markup.hpp"

namespace leaspec::site {
namespace {

constexpr double k_node_height = 22;
constexpr double k_bend_height = 2;
constexpr double k_gap = 110;
/// Before the references, where many edges converge, the gap is wider.
constexpr double k_reference_gap = 170;
constexpr double k_top = 56;
constexpr int k_sweeps = 6;

/// The requirements and references of the graph and how they connect, before layout.
struct Graph {
  std::vector<const spec::Requirement*> requirements;  ///< traced ones, document order
  std::map<std::string, std::size_t> node_of;          ///< requirement id -> node
  std::vector<std::vector<std::size_t>> depends;       ///< per traced requirement: nodes
  std::vector<std::string> references;                 ///< cited reference ids, in order
  std::size_t untraced = 0;
};

Graph collect(const spec::Spec& spec) {
  std::vector<const spec::Requirement*> all;
  std::map<std::string, const spec::Requirement*> by_id;
  spec::for_each_requirement(spec, [&](const spec::Requirement& r, const spec::Section&) {
    all.push_back(&r);
    by_id.emplace(r.id.value, &r);
  });
  std::set<std::string> depended;
  std::set<std::string> cited;
  for (const spec::Requirement* r : all) {
    for (const spec::Text& d : r->depends_on) {
      if (by_id.count(d.value) && d.value != r->id.value) {
        depended.insert(d.value);
      }
    }
    for (const spec::ReferenceUse& use : r->references) {
      cited.insert(use.ref.value);
    }
  }
  Graph graph;
  for (const spec::Requirement* r : all) {
    bool depends = std::any_of(
        r->depends_on.begin(), r->depends_on.end(),
        [&](const spec::Text& d) { return by_id.count(d.value) && d.value != r->id.value; });
    bool traced = depends || !r->references.empty() || depended.count(r->id.value);
    if (!traced || graph.node_of.count(r->id.value)) {
      graph.untraced += traced ? 0 : 1;
      continue;
    }
    graph.node_of.emplace(r->id.value, graph.requirements.size());
    graph.requirements.push_back(r);
  }
  graph.depends.resize(graph.requirements.size());
  for (std::size_t i = 0; i < graph.requirements.size(); ++i) {
    for (const spec::Text& d : graph.requirements[i]->depends_on) {
      auto found = graph.node_of.find(d.value);
      auto& list = graph.depends[i];
      if (found != graph.node_of.end() && found->second != i &&
          std::find(list.begin(), list.end(), found->second) == list.end()) {
        list.push_back(found->second);
      }
    }
  }
  for (const spec::Reference& reference : spec.references) {
    if (cited.erase(reference.id.value)) {
      graph.references.push_back(reference.id.value);
    }
  }
  // Cited ids the spec does not define (an error the page reports) still show.
  spec::for_each_requirement(spec, [&](const spec::Requirement& r, const spec::Section&) {
    for (const spec::ReferenceUse& use : r.references) {
      if (cited.erase(use.ref.value)) {
        graph.references.push_back(use.ref.value);
      }
    }
  });
  return graph;
}

/// How many dependency steps lie below each requirement; a cycle counts as no step.
std::vector<int> depths(const Graph& graph) {
  std::vector<int> depth(graph.requirements.size(), -1);
  std::vector<bool> on_path(graph.requirements.size(), false);
  // Iterative depth-first search, so that long chains cannot exhaust the stack.
  for (std::size_t start = 0; start < depth.size(); ++start) {
    std::vector<std::pair<std::size_t, std::size_t>> stack = {{start, 0}};
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next == 0) {
        if (depth[node] >= 0) {
          stack.pop_back();
          continue;
        }
        on_path[node] = true;
      }
      if (next < graph.depends[node].size()) {
        std::size_t child = graph.depends[node][next++];
        if (depth[child] < 0 && !on_path[child]) {
          stack.push_back({child, 0});
        }
        continue;
      }
      int best = 0;
      for (std::size_t child : graph.depends[node]) {
        best = std::max(best, depth[child] >= 0 ? depth[child] + 1 : 0);
      }
      depth[node] = best;
      on_path[node] = false;
      stack.pop_back();
    }
  }
  return depth;
}

double separation(const TraceNode& a, const TraceNode& b) {
  bool bend = a.id.empty() || b.id.empty();
  return (a.height + b.height) / 2 + (bend ? 4 : 6);
}

/// Places centres as close to `desired` as the order and the separations allow.
std::vector<double> place(const std::vector<double>& desired, const std::vector<double>& gaps) {
  std::size_t n = desired.size();
  std::vector<double> offset(n, 0);
  for (std::size_t i = 1; i < n; ++i) {
    offset[i] = offset[i - 1] + gaps[i - 1];
  }
  struct Block {
    double sum;
    std::size_t count;
  };
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < n; ++i) {
    blocks.push_back({desired[i] - offset[i], 1});
    while (blocks.size() > 1 &&
           blocks[blocks.size() - 2].sum / static_cast<double>(blocks[blocks.size() - 2].count) >
               blocks.back().sum / static_cast<double>(blocks.back().count)) {
      Block last = blocks.back();
      blocks.pop_back();
      blocks.back().sum += last.sum;
      blocks.back().count += last.count;
    }
  }
  std::vector<double> result;
  for (const Block& block : blocks) {
    for (std::size_t k = 0; k < block.count; ++k) {
      result.push_back(block.sum / static_cast<double>(block.count) + offset[result.size()]);
    }
  }
  return result;
}

class Layout {
 public:
  explicit Layout(const spec::Spec& spec) : m_graph(collect(spec)) {}

  TraceLayout run() {
    m_result.untraced = m_graph.untraced;
    if (m_graph.requirements.empty()) {
      return std::move(m_result);
    }
    make_nodes();
    make_edges();
    order_layers();
    place_vertically();
    place_horizontally();
    return std::move(m_result);
  }

 private:
  std::size_t add_node(std::string id, bool reference, int layer) {
    TraceNode node;
    node.id = std::move(id);
    node.reference = reference;
    node.layer = layer;
    node.height = node.id.empty() ? k_bend_height : k_node_height;
    node.width = node.id.empty() ? 0 : text_width(node.id, 12) + 18;
    m_result.nodes.push_back(std::move(node));
    m_layers[static_cast<std::size_t>(layer)].push_back(m_result.nodes.size() - 1);
    m_key.push_back(0);
    return m_result.nodes.size() - 1;
  }

  void make_nodes() {
    std::vector<int> depth = depths(m_graph);
    m_max_depth = *std::max_element(depth.begin(), depth.end());
    m_layers.resize(static_cast<std::size_t>(m_max_depth) + 2);
    for (std::size_t i = 0; i < m_graph.requirements.size(); ++i) {
      std::size_t node = add_node(m_graph.requirements[i]->id.value, false, m_max_depth - depth[i]);
      m_key[node] = static_cast<double>(i);
    }
    for (std::size_t i = 0; i < m_graph.references.size(); ++i) {
      std::size_t node = add_node(m_graph.references[i], true, m_max_depth + 1);
      m_reference_node[m_graph.references[i]] = node;
    }
  }

  void add_edge(std::size_t from, std::size_t to, bool depends, std::string clauses) {
    TraceEdge edge{from, to, depends, std::move(clauses), {}};
    int a = m_result.nodes[from].layer;
    int b = m_result.nodes[to].layer;
    for (int layer = a + 1; layer < b; ++layer) {
      std::size_t bend = add_node("", false, layer);
      // Bend points sit just after the requirement the edge comes from, in document order.
      m_key[bend] = m_key[from] + 0.5 + static_cast<double>(to) * 1e-6;
      edge.bends.push_back(bend);
    }
    m_result.edges.push_back(std::move(edge));
  }

  void make_edges() {
    for (std::size_t i = 0; i < m_graph.requirements.size(); ++i) {
      for (std::size_t d : m_graph.depends[i]) {
        add_edge(i, d, true, "");
      }
      std::vector<std::string> order;
      std::map<std::string, std::string> clauses;
      for (const spec::ReferenceUse& use : m_graph.requirements[i]->references) {
        if (!clauses.count(use.ref.value)) {
          order.push_back(use.ref.value);
          clauses[use.ref.value];
        }
        std::string& list = clauses[use.ref.value];
        if (!use.clause.empty()) {
          list += (list.empty() ? "" : ", ") + use.clause;
        }
      }
      for (const std::string& ref : order) {
        add_edge(i, m_reference_node.at(ref), false, clauses[ref]);
      }
    }
  }

  /// Requirement layers by document order (bend points after their source); the reference
  /// layer by the mean position of the requirements that cite each reference.
  void order_layers() {
    std::size_t last = m_layers.size() - 1;
    for (std::size_t layer = 0; layer < last; ++layer) {
      sort_by_key(m_layers[layer]);
    }
    std::vector<double> sum(m_result.nodes.size(), 0), count(m_result.nodes.size(), 0);
    for (const TraceEdge& edge : m_result.edges) {
      if (!edge.depends) {
        std::size_t before = edge.bends.empty() ? edge.from : edge.bends.back();
        sum[edge.to] += rank(before);
        count[edge.to] += 1;
      }
    }
    for (std::size_t node : m_layers[last]) {
      m_key[node] = sum[node] / std::max(1.0, count[node]);
    }
    sort_by_key(m_layers[last]);
  }

  void sort_by_key(std::vector<std::size_t>& layer) {
    std::stable_sort(layer.begin(), layer.end(),
                     [&](std::size_t a, std::size_t b) { return m_key[a] < m_key[b]; });
  }

  /// A node's position in its layer as a share of the layer, so layers of different sizes
  /// compare.
  double rank(std::size_t node) const {
    const auto& layer = m_layers[static_cast<std::size_t>(m_result.nodes[node].layer)];
    auto at = std::find(layer.begin(), layer.end(), node) - layer.begin();
    return (static_cast<double>(at) + 0.5) / static_cast<double>(layer.size());
  }

  /// Each node's neighbours in the layers beside it (through bend points one step each).
  std::vector<std::vector<std::size_t>> neighbours() const {
    std::vector<std::vector<std::size_t>> result(m_result.nodes.size());
    for (const TraceEdge& edge : m_result.edges) {
      std::vector<std::size_t> path = {edge.from};
      path.insert(path.end(), edge.bends.begin(), edge.bends.end());
      path.push_back(edge.to);
      for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        if (m_result.nodes[path[i]].layer + 1 == m_result.nodes[path[i + 1]].layer) {
          result[path[i]].push_back(path[i + 1]);
          result[path[i + 1]].push_back(path[i]);
        }
      }
    }
    return result;
  }

  std::vector<double> gaps(const std::vector<std::size_t>& layer, double least) const {
    std::vector<double> result;
    for (std::size_t i = 0; i + 1 < layer.size(); ++i) {
      result.push_back(
          std::max(least, separation(m_result.nodes[layer[i]], m_result.nodes[layer[i + 1]])));
    }
    return result;
  }

  void place_layer(std::size_t layer, const std::vector<std::vector<std::size_t>>& near,
                   std::vector<double>& centre) {
    std::vector<std::size_t>& nodes = m_layers[layer];
    bool references = layer + 1 == m_layers.size();
    std::vector<double> desired;
    for (std::size_t node : nodes) {
      std::vector<double> at;
      for (std::size_t other : near[node]) {
        at.push_back(centre[other]);
      }
      std::sort(at.begin(), at.end());
      double sum = std::accumulate(at.begin(), at.end(), 0.0);
      // A reference cited all over the spec goes to the median of its citations, which the
      // mean would pull to the middle.
      double median = at.empty() ? 0 : (at[(at.size() - 1) / 2] + at[at.size() / 2]) / 2;
      desired.push_back(at.empty()   ? centre[node]
                        : references ? median
                                     : sum / static_cast<double>(at.size()));
    }
    if (references) {
      // References are free to follow their requirements: order them by where they are wanted.
      std::vector<std::size_t> order(nodes.size());
      std::iota(order.begin(), order.end(), std::size_t{0});
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return desired[a] < desired[b]; });
      std::vector<std::size_t> sorted_nodes;
      std::vector<double> sorted_desired;
      for (std::size_t i : order) {
        sorted_nodes.push_back(nodes[i]);
        sorted_desired.push_back(desired[i]);
      }
      nodes = std::move(sorted_nodes);
      desired = std::move(sorted_desired);
    }
    std::vector<double> placed = place(desired, gaps(nodes, references ? m_spread : 0));
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      centre[nodes[i]] = placed[i];
    }
  }

  void place_vertically() {
    std::vector<double> centre(m_result.nodes.size(), 0);
    std::size_t anchor = 0;
    for (std::size_t layer = 0; layer < m_layers.size(); ++layer) {
      std::vector<std::size_t>& nodes = m_layers[layer];
      double y = 0;
      for (std::size_t i = 0; i < nodes.size(); ++i) {
        y += i == 0 ? 0 : separation(m_result.nodes[nodes[i - 1]], m_result.nodes[nodes[i]]);
        centre[nodes[i]] = y;
      }
      if (layer + 1 < m_layers.size() && nodes.size() > m_layers[anchor].size()) {
        anchor = layer;
      }
    }
    // References spread over the height of the largest layer, so that the edges into them
    // fan out instead of converging on a crowd.
    const auto& main = m_layers[anchor];
    double extent = main.empty() ? 0 : centre[main.back()] - centre[main.front()];
    double references = static_cast<double>(std::max<std::size_t>(1, m_layers.back().size()));
    m_spread = std::clamp(extent * 0.6 / references, k_node_height + 6, 90.0);
    auto near = neighbours();
    for (int sweep = 0; sweep < k_sweeps; ++sweep) {
      for (std::size_t step = 0; step < m_layers.size(); ++step) {
        std::size_t layer = sweep % 2 == 0 ? step : m_layers.size() - 1 - step;
        if (layer != anchor) {
          place_layer(layer, near, centre);
        }
      }
    }
    double top = 0;
    for (std::size_t node = 0; node < centre.size(); ++node) {
      top = std::min(top, centre[node] - m_result.nodes[node].height / 2);
    }
    double bottom = 0;
    for (std::size_t node = 0; node < centre.size(); ++node) {
      TraceNode& n = m_result.nodes[node];
      n.y = centre[node] - n.height / 2 - top + k_top;
      bottom = std::max(bottom, n.y + n.height);
    }
    m_result.height = bottom + 12;
  }

  void place_horizontally() {
    double x = 0;
    for (std::size_t index = 0; index < m_layers.size(); ++index) {
      const auto& layer = m_layers[index];
      double width = 0;
      for (std::size_t node : layer) {
        width = std::max(width, m_result.nodes[node].width);
      }
      width = std::max(width, 24.0);
      for (std::size_t node : layer) {
        TraceNode& n = m_result.nodes[node];
        n.x = x;
        n.width = n.id.empty() ? width : n.width;
      }
      x += width + (index + 2 == m_layers.size() ? k_reference_gap : k_gap);
    }
    m_result.width = std::max(x - k_gap + 8, 360.0);
  }

  Graph m_graph;
  TraceLayout m_result;
  std::vector<std::vector<std::size_t>> m_layers;
  std::vector<double> m_key;
  std::map<std::string, std::size_t> m_reference_node;
  int m_max_depth = 0;
  double m_spread = 0;  ///< the least distance between references
};

/// The points an edge passes: out of its source, through each bend, into its target.
std::vector<std::pair<double, double>> edge_points(const TraceLayout& layout,
                                                   const TraceEdge& edge) {
  auto centre = [&](std::size_t n) { return layout.nodes[n].y + layout.nodes[n].height / 2; };
  const TraceNode& from = layout.nodes[edge.from];
  const TraceNode& to = layout.nodes[edge.to];
  std::vector<std::pair<double, double>> points = {{from.x + from.width, centre(edge.from)}};
  for (std::size_t bend : edge.bends) {
    const TraceNode& b = layout.nodes[bend];
    points.emplace_back(b.x, centre(bend));
    points.emplace_back(b.x + b.width, centre(bend));
  }
  points.emplace_back(to.x, centre(edge.to));
  return points;
}

}  // namespace

TraceLayout layout_trace(const spec::Spec& spec) {
  return Layout(spec).run();
}

std::size_t crossings(const TraceLayout& layout) {
  // Segments between adjacent layers as (layer, y at the left, y at the right).
  struct Segment {
    int layer;
    double left, right;
  };
  std::vector<Segment> segments;
  for (const TraceEdge& edge : layout.edges) {
    std::vector<std::size_t> path = {edge.from};
    path.insert(path.end(), edge.bends.begin(), edge.bends.end());
    path.push_back(edge.to);
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
      const TraceNode& a = layout.nodes[path[i]];
      const TraceNode& b = layout.nodes[path[i + 1]];
      if (a.layer + 1 == b.layer) {
        segments.push_back({a.layer, a.y + a.height / 2, b.y + b.height / 2});
      }
    }
  }
  std::size_t count = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    for (std::size_t j = i + 1; j < segments.size(); ++j) {
      const Segment& s = segments[i];
      const Segment& t = segments[j];
      if (s.layer == t.layer && (s.left - t.left) * (s.right - t.right) < 0) {
        ++count;
      }
    }
  }
  return count;
}

namespace {

std::string edge_path(const TraceLayout& layout, const TraceEdge& edge) {
  std::vector<std::pair<double, double>> points = edge_points(layout, edge);
  std::string d = fmt::format("M{} {}", num(points[0].first), num(points[0].second));
  for (std::size_t i = 1; i < points.size(); ++i) {
    auto [x0, y0] = points[i - 1];
    auto [x1, y1] = points[i];
    // Inside a bend's layer the edge runs straight; between layers it curves.
    bool inside = i % 2 == 0;
    if (inside || x1 <= x0) {
      d += fmt::format(" L{} {}", num(x1), num(y1));
    } else {
      double mid = (x1 - x0) / 2;
      double end = i + 1 == points.size() ? x1 - 1 : x1;  // room for the arrow's tip
      d += fmt::format(" C{} {} {} {} {} {}", num(x0 + mid), num(y0), num(x1 - mid), num(y1),
                       num(end), num(y1));
    }
  }
  return d;
}

/// What a node's tooltip says: a requirement's statement, a reference's designation and title.
std::map<std::string, std::string> tooltips(const spec::Spec& spec) {
  std::map<std::string, std::string> result;
  for (const spec::Reference& reference : spec.references) {
    result.emplace("ref-" + reference.id.value,
                   fmt::format("{}: {}", reference.designation.value, reference.title));
  }
  spec::for_each_requirement(spec, [&](const spec::Requirement& r, const spec::Section&) {
    result.emplace(r.id.value, fmt::format("{}: {}", r.id.value, r.text.value));
  });
  return result;
}

std::string node_markup(const TraceNode& node, const std::map<std::string, std::string>& tips) {
  std::string anchor = node.reference ? "ref-" + node.id : node.id;
  auto tip = tips.find(anchor);
  return fmt::format(
      "<g class=\"link\" data-href=\"#{}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" "
      "height=\"{}\" rx=\"3\" fill=\"{}\" stroke=\"{}\"/>{}</g>\n",
      esc(anchor), esc(tip == tips.end() ? node.id + " (not defined)" : tip->second), num(node.x),
      num(node.y), num(node.width), num(node.height),
      node.reference ? colour::k_reference_fill : colour::k_node_fill,
      node.reference ? colour::k_orange : colour::k_blue,
      svg_text(node.x + 9, node.y + 15, node.id, fmt::format("fill=\"{}\"", colour::k_text)));
}

Table trace_table(const TraceLayout& layout) {
  Table data{"", {"Requirement", "Depends on", "Cites"}, {}, {}};
  std::map<std::size_t, std::pair<std::string, std::string>> rows;
  for (const TraceEdge& edge : layout.edges) {
    auto& [depends, cites] = rows[edge.from];
    const std::string& to = layout.nodes[edge.to].id;
    std::string& list = edge.depends ? depends : cites;
    std::string link =
        fmt::format("<a href=\"#{}{}\">{}</a>", edge.depends ? "" : "ref-", esc(to), esc(to));
    list += (list.empty() ? "" : ", ") + link +
            (edge.clauses.empty() ? "" : fmt::format(" (clause {})", esc(edge.clauses)));
  }
  for (std::size_t n = 0; n < layout.nodes.size(); ++n) {
    const TraceNode& node = layout.nodes[n];
    if (node.reference || node.id.empty()) {
      continue;
    }
    const auto& row = rows[n];
    data.rows.push_back({fmt::format("<a href=\"#{0}\">{0}</a>", esc(node.id)),
                         row.first.empty() ? "\xE2\x80\x93" : row.first,
                         row.second.empty() ? "\xE2\x80\x93" : row.second});
  }
  return data;
}

std::string untraced_list(const spec::Spec& spec, const TraceLayout& layout) {
  std::set<std::string> shown;
  for (const TraceNode& node : layout.nodes) {
    shown.insert(node.id);
  }
  std::string list;
  spec::for_each_requirement(spec, [&](const spec::Requirement& r, const spec::Section&) {
    if (!shown.count(r.id.value)) {
      list += fmt::format("{0}<a href=\"#{1}\">{1}</a>", list.empty() ? "" : ", ", esc(r.id.value));
      shown.insert(r.id.value);
    }
  });
  return list;
}

}  // namespace

std::string trace_chart(const spec::Spec& spec, ChartIds& ids) {
  TraceLayout layout = layout_trace(spec);
  if (layout.nodes.empty()) {
    return {};
  }
  std::string id = ids.take();
  std::string drawing = fmt::format(
      "<defs><marker id=\"{0}-dep\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"7\" "
      "markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0 L8 4 L0 8 z\" fill=\"{1}\"/></marker>"
      "<marker id=\"{0}-ref\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"7\" "
      "markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0 L8 4 L0 8 z\" fill=\"{2}\"/></marker>"
      "</defs>\n",
      id, colour::k_purple, colour::k_grey);
  drawing +=
      legend(0, 16, {{"depends on", colour::k_purple, "dash"}, {"cites", colour::k_grey, "line"}},
             nullptr);
  std::size_t references = 0, requirements = 0;
  double reference_x = 0;
  for (const TraceNode& node : layout.nodes) {
    references += node.reference ? 1u : 0u;
    requirements += !node.reference && !node.id.empty() ? 1u : 0u;
    reference_x = node.reference ? node.x : reference_x;
  }
  std::string muted = fmt::format("fill=\"{}\" font-weight=\"bold\"", colour::k_muted);
  drawing += svg_text(0, 44, "Requirements", muted);
  if (references > 0) {
    drawing += svg_text(reference_x, 44, "References", muted);
  }
  for (const TraceEdge& edge : layout.edges) {
    const std::string& from = layout.nodes[edge.from].id;
    const std::string& to = layout.nodes[edge.to].id;
    std::string what = edge.depends
                           ? fmt::format("{} depends on {}", from, to)
                           : fmt::format("{} cites {}{}", from, to,
                                         edge.clauses.empty() ? "" : ", clause " + edge.clauses);
    drawing += fmt::format(
        "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.4\"{} "
        "marker-end=\"url(#{}-{})\"><title>{}</title></path>\n",
        edge_path(layout, edge), edge.depends ? colour::k_purple : colour::k_grey,
        edge.depends ? " stroke-dasharray=\"5 3\"" : "", id, edge.depends ? "dep" : "ref",
        esc(what));
  }
  std::map<std::string, std::string> tips = tooltips(spec);
  for (const TraceNode& node : layout.nodes) {
    if (!node.id.empty()) {
      drawing += node_markup(node, tips);
    }
  }
  std::string description = fmt::format(
      "{} requirements and the {} references they cite, with their dependencies; requirements "
      "that depend on others stand left of those they depend on.",
      requirements, references);
  std::string caption =
      "Requirements to the requirements they depend on (dashed) and to the "
      "references they cite (solid).";
  std::string untraced = untraced_list(spec, layout);
  std::string note = untraced.empty()
                         ? std::string()
                         : fmt::format("Cite no reference and take part in no dependency ({}): {}.",
                                       layout.untraced, untraced);
  return figure_html({id, "Traceability", description, layout.width, layout.height, drawing,
                      trace_table(layout), caption, note});
}

}  // namespace leaspec::site
