/// The libFuzzer entry point: `LLVMFuzzerRunDriver` from `libclang_rt.fuzzer_no_main`, which the build links.
/// SwiftPM names each executable's entry `<module>_main`, so a target defines that and hands its argc, argv
/// and test function to ``runFuzzer(_:_:_:)``.
public typealias FuzzInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzInput
) -> CInt

/// Runs libFuzzer with the process's arguments (`-max_total_time=60 corpus/` and the like) on `test`.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: FuzzInput) -> CInt {
    var argc = argc
    var argv = argv
    return llvmFuzzerRunDriver(&argc, &argv, test)
}

/// The bytes of one fuzz input.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops the run on a broken property, printing what broke, so libFuzzer saves the input as a crash.
public func require(_ problems: [String], _ what: String) {
    guard !problems.isEmpty else { return }
    let report = problems.prefix(10).joined(separator: "\n  ")
    fatalError("\(what):\n  \(report)")
}
