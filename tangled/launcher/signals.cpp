// generated from chapters/C-posix.nw -- edit the chapter, not this file
#line 750 "chapters/C-posix.nw"
#include "launcher/signals.hpp"
#include <cerrno>
#include <sys/signalfd.h>
#include "launcher/errors.hpp"

namespace lhv::launcher {

SignalWatch::SignalWatch() {
    sigset_t mask;
    sigemptyset(&mask);
    for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGCHLD})
        sigaddset(&mask, signal);
    ::sigprocmask(SIG_BLOCK, &mask, &old_mask_);
    fd_ = UniqueFd{::signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK)};
    if (!fd_) throw RuntimeFailure("cannot create a signalfd");
}

SignalWatch::~SignalWatch() {
    ::sigprocmask(SIG_SETMASK, &old_mask_, nullptr);
}

int SignalWatch::take() {
    signalfd_siginfo info;
    if (::read(fd_.get(), &info, sizeof info) != sizeof info) return 0;
    return static_cast<int>(info.ssi_signo);
}

} // namespace lhv::launcher
