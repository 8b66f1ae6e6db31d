#pragma once

namespace nsfw {

/// Lowers the calling pool thread's scheduling priority (nice +10 on Linux), once per thread. Decoding
/// on every core would otherwise preempt the GUI thread on a 2-core machine and a key press would wait
/// for a time slice; at nice 10 the GUI thread wins at once and decoding still uses the idle time.
void lowerBackgroundPriority();

} // namespace nsfw
