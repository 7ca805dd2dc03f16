//! CLI cases as data: each `tests/cmd/*.md` runs its `$ copydesk …` lines
//! in the matching `.in` directory and compares stdout, stderr and the
//! exit code (`TRYCMD=overwrite cargo test --test it cmd` rewrites them
//! after a deliberate change; read the diff).

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .default_bin_name("copydesk")
        .register_bin(
            "copydesk",
            std::path::Path::new(env!("CARGO_BIN_EXE_copydesk")),
        )
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.md")
        .case("tests/cmd/*.toml");
}
