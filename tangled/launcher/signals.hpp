// generated from chapters/C-posix.nw -- edit the chapter, not this file
#line 721 "chapters/C-posix.nw"
#pragma once
#include <csignal>
#include "launcher/posix.hpp"

namespace lhv::launcher {

class SignalWatch {
  public:
    SignalWatch();
    SignalWatch(const SignalWatch&) = delete;
    SignalWatch& operator=(const SignalWatch&) = delete;
    ~SignalWatch();

    int fd() const { return fd_.get(); }
    int take();  // the next signal, or 0

  private:
    sigset_t old_mask_;
    UniqueFd fd_;
};

} // namespace lhv::launcher
