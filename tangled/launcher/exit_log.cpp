// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2544 "chapters/04-launcher.nw"
#include "launcher/exit_log.hpp"
#include <atomic>
#include <cstdio>
#include <cstring>
#include "abi/hypercalls.hpp"

namespace lhv::launcher {

#line 2579 "chapters/04-launcher.nw"
static std::string hex_word(std::uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", value);
    return text;
}

std::string describe_exit(const abi::ExitRecord& record) {
    switch (static_cast<abi::ExitKind>(record.kind)) {
    case abi::ExitKind::Hypercall: {
        abi::HypercallInfo call = abi::hypercall_info(record.number);
        std::string text = "hypercall ";
        text += call.name ? call.name : std::to_string(record.number);
        text += '(';
        for (std::uint32_t i = 0; i < call.arguments; ++i)
            text += (i ? ", " : "") + hex_word(record.arg[i]);
        return text + ") at eip " + hex_word(record.eip);
    }
    case abi::ExitKind::Trap: {
        std::string text = "trap " + std::to_string(record.number) +
                           " at eip " + hex_word(record.eip);
        if (abi::trap_has_error_code(record.number))
            text += ", error code " + hex_word(record.arg[0]);
        return text;
    }
    case abi::ExitKind::Interrupt: {
        char vector[16];
        std::snprintf(vector, sizeof vector, "0x%02x", record.number);
        std::string text = std::string("interrupt ") + vector;
        if (record.number >= 0x20 && record.number < 0x30) {
            std::uint32_t line = record.number - 0x20;
            text += " (IRQ " + std::to_string(line) +
                    (line == 3 ? ", the doorbell)" : ")");
        }
        return text + " at eip " + hex_word(record.eip);
    }
    }
    return "a record of unknown kind " + std::to_string(record.kind);
}
#line 2630 "chapters/04-launcher.nw"
void ExitLogReader::open(bool wanted) {
    std::memset(static_cast<void*>(&log_), 0, sizeof log_);
    tail_ = lost_seen_ = 0;
    std::atomic_ref(log_.wanted)
        .store(wanted ? 1 : 0, std::memory_order_release);
}
#line 2656 "chapters/04-launcher.nw"
std::vector<std::string> ExitLogReader::take_lines() {
    std::vector<std::string> lines;
    std::uint32_t head =
        std::atomic_ref(log_.head).load(std::memory_order_acquire);
    std::uint32_t waiting = head - tail_;
    if (waiting > abi::kExitLogRecords) {
        lines.push_back("lhv: the exit log is damaged: the Host claims " +
                        std::to_string(waiting) + " records in a ring "
                        "of " + std::to_string(abi::kExitLogRecords) +
                        "; skipping them");
        tail_ = head;
        waiting = 0;
    }
    for (; waiting > 0; --waiting, ++tail_) {
        abi::ExitRecord record;
        std::memcpy(&record, &log_.records[tail_ % abi::kExitLogRecords],
                    sizeof record);
        lines.push_back("lhv: exit: " + describe_exit(record));
    }
    std::atomic_ref(log_.tail).store(tail_, std::memory_order_release);
    std::uint32_t lost =
        std::atomic_ref(log_.lost).load(std::memory_order_relaxed);
    if (lost != lost_seen_) {
        lines.push_back("lhv: " + std::to_string(lost - lost_seen_) +
                        " exit records lost (the log was full)");
        lost_seen_ = lost;
    }
    return lines;
}

#line 2556 "chapters/04-launcher.nw"
} // namespace lhv::launcher
