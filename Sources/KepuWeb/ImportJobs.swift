import Foundation
import KepuCore
import KepuStore
import NIOPosix

/// Imports as jobs: a preview's dry run or an import runs on NIO's thread pool while its request
/// returns; the clerk's browser follows the job's page (`/imports/jobs/ID`), which shows the rows read
/// so far and reloads itself (a `<meta refresh>`, no script) until the job is done.
///
/// A small file is done before the request has waited `patience`: its answer is the result, as if
/// nothing were in between. Jobs are the server's, in memory: a job is its user's alone, and a
/// finished one is forgotten an hour after it ended.
final class ImportJobs: @unchecked Sendable {
    enum State: Sendable {
        case running
        case done(ImportResult)
        case failed(KepuError)
    }

    struct Job: Sendable {
        let id: String
        let userID: Int64
        /// The pending upload it reads (its key in `Uploads`), the file's name, and what it imports.
        let upload: String
        let file: String
        let kind: ImportKind
        let event: Int64?
        let date: String?
        /// A preview (a dry run that goes on past bad rows) or the import itself.
        let preview: Bool
        var rows = 0
        var state = State.running
        var ended: Date?
        /// The page a finished import goes on to: its notice is shown there once.
        var shown = false
    }

    private let lock = NSLock()
    private var jobs: [String: Job] = [:]
    let patience: Duration
    static let keep: TimeInterval = 3600

    init(patience: Duration = .seconds(1)) { self.patience = patience }

    /// Starts `work` on NIO's thread pool, handing it a callback for the rows read so far; returns at
    /// once with the job's id.
    func start(
        _ job: Job,
        work: @escaping @Sendable (_ progress: @escaping @Sendable (Int) -> Void) throws -> ImportResult
    ) -> String {
        lock.withLock {
            let now = Date()
            jobs = jobs.filter { $0.value.ended.map { now.timeIntervalSince($0) < Self.keep } ?? true }
            jobs[job.id] = job
        }
        let id = job.id
        NIOThreadPool.singleton.submit { [self] _ in
            let state: State
            do {
                state = .done(try work { rows in self.update(id) { $0.rows = rows } })
            } catch let e as KepuError where !e.isDatabaseFailure {
                state = .failed(e)
            } catch {
                state = .failed(KepuError(.databaseRefused(path: job.file, detail: "\(error)")))
            }
            update(id) {
                $0.state = state
                $0.ended = Date()
            }
        }
        return id
    }

    private func update(_ id: String, _ change: (inout Job) -> Void) {
        lock.withLock {
            if var j = jobs[id] {
                change(&j)
                jobs[id] = j
            }
        }
    }

    /// The import (not a preview) of an upload that is still running, if any: a second click on
    /// 确认导入 follows it instead of starting another.
    func running(upload: String, userID: Int64) -> String? {
        lock.withLock {
            jobs.values.first {
                guard $0.upload == upload, $0.userID == userID, !$0.preview, case .running = $0.state else {
                    return false
                }
                return true
            }?.id
        }
    }

    /// The job, for its own user only.
    func job(_ id: String, userID: Int64) -> Job? {
        lock.withLock { jobs[id].flatMap { $0.userID == userID ? $0 : nil } }
    }

    /// Marks a finished import's notice as shown; true the first time only.
    func markShown(_ id: String) -> Bool {
        lock.withLock {
            guard var j = jobs[id], !j.shown else { return false }
            j.shown = true
            jobs[id] = j
            return true
        }
    }

    /// The job once it has ended, or as it is after `patience` (awaited, not blocking a thread).
    func settle(_ id: String, userID: Int64) async -> Job? {
        let deadline = ContinuousClock.now + patience
        while true {
            guard let j = job(id, userID: userID) else { return nil }
            if case .running = j.state, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
                continue
            }
            return j
        }
    }
}
