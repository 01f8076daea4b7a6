import HeatGridCore

/// The built-in marks, registered like any plugin's.
public enum Marks {
    public static let all: [any Mark] = [OutlineMark(), MaskMark(), SymbolsMark(), RegionMark()]
}
