// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 1377 "chapters/A-kernel.nw"
#pragma once
#include <stdint.h>
#include "abi/link.hpp"

namespace lhv::host {

struct LinkRequest {
    abi::Request request;
    uint32_t arg[4];
};

class HostLink {
public:
    void init();
    LinkRequest wait_for_request();
    void post(abi::Event event, uint32_t arg0 = 0,
              const char* reason = "");
private:
    volatile abi::Mailbox* mailbox_ = nullptr;
    uint32_t seen_request_seq_ = 0;
};

void link_last_words(const char* reason);
void link_nudge();

} // namespace lhv::host
