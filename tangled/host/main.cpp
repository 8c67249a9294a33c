// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 9257 "chapters/05-host.nw"
#include "host/host.hpp"
#include "host/guest.hpp"
#include "host/self_check.hpp"

namespace lhv::host {
namespace {
constinit Guest guest;
}

void host_main(HostLink& link, MachinePhysical ram_end) {
    choose_processor_state();
    record_boot_state();
    link.post(abi::Event::HostReady);
    for (;;) {
        LinkRequest request = link.wait_for_request();
        switch (request.request) {
        
#line 9291 "chapters/05-host.nw"
case abi::Request::Initialize:
    if (Result r = guest.initialize(request, ram_end); r.ok())
        link.post(abi::Event::Initialized);
    else
        link.post(abi::Event::Refused, 0, r.reason);
    break;
case abi::Request::Run:
    guest.run(link);
    break;
case abi::Request::SelfCheck:
    self_check(link);
    break;
default:
    link.post(abi::Event::Refused, 0, "this Host does not know "
              "that request");
    break;
#line 9274 "chapters/05-host.nw"
        }
    }
}

} // namespace lhv::host
