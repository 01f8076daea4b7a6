/// A problem with a file's contents, phrased for the user. `NumPySource.load` turns it into a
/// `HeatGridError.data` naming the file; the readers below it know only bytes, not paths.
struct NumPyFormatError: Error, Equatable {
    var message: String

    init(_ message: String) { self.message = message }

    /// The same problem, located in the .npz member `member` (e.g. "x.npy").
    func inArchiveMember(_ member: String) -> NumPyFormatError {
        NumPyFormatError("array '\(member)' in the .npz: \(message)")
    }
}
