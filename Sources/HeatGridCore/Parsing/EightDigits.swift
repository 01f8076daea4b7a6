// Runs of ASCII digits read eight bytes at a time, as one 64-bit word (SWAR: SIMD within a
// register).
//
// A byte-at-a-time digit loop costs a branch per digit, and its exit is mispredicted whenever
// the next number has a different length (row and column indices, and values with a varying
// number of leading zeros, change length all the time). Counting the digits of a word and
// converting them with three multiplications has no branch that depends on the length.

/// Digits read a 64-bit word at a time, for inner loops over text (`UncheckedDecimal`, and a
/// source's row and column indices). No bounds are checked: callers guarantee that eight bytes
/// are readable at every pointer they pass.
public enum EightDigits {

    /// The eight bytes at `p`, the first in the lowest byte.
    @inlinable @inline(__always)
    public static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// How many bytes of `word`, from the first, are digits (0 to 8).
    @inlinable @inline(__always)
    public static func digitCount(_ word: UInt64) -> Int {
        // Digits become 0x00...0x09. A byte's high bit is then set when it is 10 or more: the
        // low seven bits plus 0x76 reach 0x80 exactly from 10 up (and never carry into the
        // next byte), and or-ing in the byte itself catches bytes from 0x80 up.
        let offset = word ^ 0x3030_3030_3030_3030
        let nonDigits = (((offset & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | offset) & 0x8080_8080_8080_8080
        return nonDigits.trailingZeroBitCount &>> 3
    }

    /// The number written by the first `count` bytes of `word` (1 to 8, all digits).
    @inlinable @inline(__always)
    public static func value(_ word: UInt64, count: Int) -> UInt64 {
        // Shift the digits up so the bytes in front of them are zeros (leading zeros), then
        // combine pairs, then fours, then both halves (as in simdjson and fast_float).
        var v = (word ^ 0x3030_3030_3030_3030) &<< UInt64(64 &- 8 &* count)
        v = v &* 10 &+ (v &>> 8)
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        let multiplierLow: UInt64 = 100 + (1_000_000 << 32)
        let multiplierHigh: UInt64 = 1 + (10_000 << 32)
        return ((v & mask) &* multiplierLow &+ ((v &>> 16) & mask) &* multiplierHigh) &>> 32
    }

    /// Appends the digits at `p` to `number` (wrapping past 2^64: the caller counts digits),
    /// moves `p` past them and returns how many there were.
    @inlinable @inline(__always)
    public static func accumulate(_ p: inout UnsafePointer<UInt8>, into number: inout UInt64) -> Int {
        var total = 0
        while true {
            let word = load(p)
            let count = digitCount(word)
            if count == 0 { return total }
            number = number &* powerOfTen(count) &+ value(word, count: count)
            p += count
            total &+= count
            if count < 8 { return total }
        }
    }

    /// 10^`count` for a count of digits (0 to 8), to append them to a number. (A switch, which
    /// the compiler makes a table of constants in each module that inlines it: a public global
    /// array would cost a call to check its lazy initialisation on every use from another module.)
    @inlinable @inline(__always)
    static func powerOfTen(_ count: Int) -> UInt64 {
        switch count {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        default: 0  // never: a word holds at most 8 digits
        }
    }
}
