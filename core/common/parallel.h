#pragma once

#include <QThread>
#include <QtGlobal>

#include <algorithm>
#include <future>
#include <vector>

namespace nsfw {

/// Calls fn(i) for every i in [0, n) on up to `threads` plain threads (0: one per core), thread t taking i = t,
/// t + threads, ...; returns when all are done. Plain std::async threads rather than Qt's pool: ThreadSanitizer sees
/// their start and their join, while the pool's hand-offs happen inside Qt, which is not built with it (an
/// iteration's writes would be reported against the caller's reads).
template <class F>
void parallelFor(qsizetype n, int threads, F fn)
{
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount());
    threads = int(std::min<qsizetype>(threads, n));
    std::vector<std::future<void>> workers;
    for (int t = 1; t < threads; ++t) {
        workers.push_back(std::async(std::launch::async, [t, threads, n, &fn] {
            for (qsizetype i = t; i < n; i += threads)
                fn(i);
        }));
    }
    for (qsizetype i = 0; i < n; i += std::max(1, threads))
        fn(i);
    for (auto &w : workers)
        w.get();
}

} // namespace nsfw
