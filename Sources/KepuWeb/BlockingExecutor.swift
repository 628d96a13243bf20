import Foundation
import Hummingbird
import NIOPosix

/// The threads a request's handler runs on, apart from Swift's cooperative pool.
///
/// The store is synchronous: a page's SQLite reads, a write waiting for the write lock behind an
/// import, a large page's rendering all block the thread they run on. On the cooperative pool (one
/// thread per core: two on the office's machine) two such handlers would hold every thread, and the
/// actors, timers and connections of every other request would wait behind them. So each handler
/// runs with this executor as its task executor preference (`BlockingWorkMiddleware`): its
/// synchronous work blocks one of these threads, never a cooperative one, and whatever it awaits
/// (an actor, a sleep) still runs where it belongs.
final class BlockingExecutor: TaskExecutor, @unchecked Sendable {
    /// Enough threads that readers (SQLite's WAL lets them run side by side) don't queue behind a
    /// writer waiting for its lock; CPU-bound work is still shared by the cores.
    static let shared = BlockingExecutor(threads: max(8, 4 * ProcessInfo.processInfo.activeProcessorCount))

    private let pool: NIOThreadPool

    init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        pool.submit { _ in job.runSynchronously(on: executor) }
    }
}

/// Runs the rest of the chain, the handler included, with `BlockingExecutor` as its executor.
struct BlockingWorkMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        try await withTaskExecutorPreference(BlockingExecutor.shared) { try await next(request, context) }
    }
}

/// A task for work off a request's path (a session's last-use write, a page computed for the
/// cache): on the blocking executor too, never on the cooperative pool.
@discardableResult
func blockingTask<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Task<T, Error> {
    Task.detached(executorPreference: BlockingExecutor.shared) { try await work() }
}
