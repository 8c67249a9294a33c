// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 7828 "chapters/03-drivers.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

class LineDiscipline {
  public:
    static constexpr uint32_t kLineBytes = 256;
    static constexpr uint32_t kQueued = 4096;  // entries, not lines
    static constexpr uint32_t kEchoMax = 3;    // echo bytes per byte typed

    uint32_t type(char typed, char* echo);
    void end_of_input();
    int32_t read(char* into, uint32_t bytes);  // -1: nothing yet
    uint32_t room() const { return kQueued - (tail_ - head_); }

  private:
    
#line 7866 "chapters/03-drivers.nw"
static constexpr uint16_t kEndOfFile = 0x100, kPush = 0x101;
void put(uint16_t entry) {
    if (room() > 0)
        queue_[tail_++ % kQueued] = entry;
}
void deliver(uint16_t mark) {
    for (uint32_t i = 0; i < line_length_; ++i)
        put(uint8_t(line_[i]));
    line_length_ = 0;
    if (mark)
        put(mark);
}
void append(char typed) {
    if (line_length_ == kLineBytes)
        deliver(kPush);
    line_[line_length_++] = typed;
}
char line_[kLineBytes]{};
uint32_t line_length_ = 0;
uint16_t queue_[kQueued]{};
uint32_t head_ = 0, tail_ = 0;
bool ended_ = false;
#line 7846 "chapters/03-drivers.nw"
};

#line 7896 "chapters/03-drivers.nw"
inline uint32_t LineDiscipline::type(char typed, char* echo) {
    switch (typed) {
    case '\r':
    case '\n':
        append('\n');
        deliver(0);
        echo[0] = '\n';
        return 1;
    case 0x7f:
    case 0x08:
        if (line_length_ == 0)
            return 0;
        --line_length_;
        echo[0] = '\b', echo[1] = ' ', echo[2] = '\b';
        return 3;
    case 0x04:
        if (line_length_ == 0)
            put(kEndOfFile);
        else
            deliver(kPush);
        return 0;
    case 0x03:
        line_length_ = 0;
        echo[0] = '^', echo[1] = 'C', echo[2] = '\n';
        return 3;
    default:
        append(typed);
        echo[0] = typed;
        return 1;
    }
}

inline void LineDiscipline::end_of_input() {
    if (line_length_ > 0)
        deliver(kPush);
    ended_ = true;
}
#line 7944 "chapters/03-drivers.nw"
inline int32_t LineDiscipline::read(char* into, uint32_t bytes) {
    uint32_t n = 0;
    while (n < bytes && head_ != tail_) {
        uint16_t entry = queue_[head_ % kQueued];
        if (entry == kEndOfFile) {
            if (n == 0) {
                ++head_;
                return 0;
            }
            break;
        }
        ++head_;
        if (entry == kPush) {
            if (n > 0)
                break;
            continue;
        }
        into[n++] = char(entry);
        if (entry == '\n')
            break;
    }
    if (n == 0)
        return ended_ ? 0 : -1;
    return int32_t(n);
}

#line 7851 "chapters/03-drivers.nw"
} // namespace lhv::guest
