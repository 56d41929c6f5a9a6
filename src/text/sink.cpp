// Outputs written piece by piece: the buffer in front of a sink, and a sink into a string.
#include "leaspec/text.hpp"

namespace leaspec::text {

void SinkBuffer::flush() {
  if (!m_buffer.empty()) {
    m_sink(m_buffer);
    m_buffer.clear();
  }
}

std::string collect(const std::function<void(const Sink&)>& produce) {
  std::string out;
  produce([&out](std::string_view bytes) { out.append(bytes); });
  return out;
}

}  // namespace leaspec::text
