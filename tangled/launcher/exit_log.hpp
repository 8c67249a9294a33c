// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2514 "chapters/04-launcher.nw"
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include "abi/link.hpp"

namespace lhv::launcher {

std::string describe_exit(const abi::ExitRecord& record);

class ExitLogReader {
  public:
    explicit ExitLogReader(abi::ExitLog& log) : log_(log) {}

    void open(bool wanted);
    std::vector<std::string> take_lines();

  private:
    abi::ExitLog& log_;
    std::uint32_t tail_ = 0;       // records taken
    std::uint32_t lost_seen_ = 0;  // losses already reported
};

} // namespace lhv::launcher
