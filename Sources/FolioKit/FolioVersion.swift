/// Folio's own version.
public enum FolioVersion {
    public static let string = "0.1.0"
}
