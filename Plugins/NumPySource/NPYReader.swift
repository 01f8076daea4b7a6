import HeatGridCore

/// Reads one .npy image (a whole .npy file, or one member of an .npz) into panels.
enum NPYReader {
    /// The panels of the array in `bytes`. `arrayName` is the .npz member's name without
    /// ".npy", or nil for a .npy file; it decides the titles: a 2-D array's panel is titled by
    /// the name (untitled in a .npy file), a 3-D array's panels by their index, "name[i]" in an
    /// .npz and "i" in a .npy file.
    static func panels(in bytes: UnsafeRawBufferPointer, arrayName: String?) throws -> [Panel] {
        let header = try NPYHeader.parse(bytes)
        let data = UnsafeRawBufferPointer(rebasing: bytes[header.dataOffset...])
        let layout = try ArrayLayout(header: header, availableBytes: data.count)
        let values = PanelDecoder.decode(data, dtype: header.dtype, layout: layout)
        return values.enumerated().map { index, panelValues in
            let title: String
            switch (layout.isStack, arrayName) {
            case (false, let name): title = name ?? ""
            case (true, let name?): title = "\(name)[\(index)]"
            case (true, nil): title = "\(index)"
            }
            return Panel(title: title, matrix: Matrix(rows: layout.rows, columns: layout.columns, values: panelValues))
        }
    }
}
