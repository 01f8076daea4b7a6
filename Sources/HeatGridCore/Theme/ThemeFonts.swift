import Foundation

/// Font files that themes bring (`fontFile`), shared with the text backend. The core cannot load
/// fonts; it records which file a theme's family must come from, and the backend (the Cairo
/// plugin) registers those files with fontconfig and takes the family from them rather than from
/// the fonts installed on the machine. Registrations last for the process.
public enum ThemeFonts {
    /// A font file and the family a theme expects it to hold.
    public struct Registration: Sendable, Hashable {
        public var path: String
        public var family: String
    }

    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var registrations: [Registration] = []
    }

    private static let store = Store()

    /// Records that `family` is to be taken from the font file at `path` (absolute).
    public static func register(path: String, family: String) {
        let registration = Registration(path: path, family: family)
        store.lock.lock()
        defer { store.lock.unlock() }
        if !store.registrations.contains(registration) { store.registrations.append(registration) }
    }

    /// Records `theme`'s font file, if it has one (a relative path is taken from the working folder).
    public static func register(_ theme: Theme) {
        guard let file = theme.fontFile else { return }
        let path = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        register(path: URL(fileURLWithPath: path).standardizedFileURL.path, family: theme.fontFamily)
    }

    /// Every registration so far, in the order made.
    public static var registrations: [Registration] {
        store.lock.lock()
        defer { store.lock.unlock() }
        return store.registrations
    }
}
