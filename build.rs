//! Windows only: the campfire icon, version information and the application
//! manifest go into kampvuur.exe as a resource (compiled with MinGW's
//! windres, which the cross build in scripts/package-windows installs).
//! On every other target this does nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if let Err(e) = bundled_pictures() {
        eprintln!("kampvuur: de plaatjes van de meegeleverde workshop: {e}");
        std::process::exit(1);
    }
    println!("cargo:rerun-if-changed=packaging/windows/kampvuur.ico");
    println!("cargo:rerun-if-changed=packaging/windows/kampvuur.exe.manifest");
    println!("cargo:rerun-if-env-changed=WINDRES");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os != "windows" {
        return;
    }
    if env != "gnu" {
        println!(
            "cargo:warning=kampvuur.exe krijgt geen pictogram: alleen de GNU-toolchain (windres) wordt ondersteund"
        );
        return;
    }
    if let Err(e) = embed() {
        // A Windows build without its icon must not pass unnoticed.
        eprintln!("kampvuur: de Windows-resource kan niet worden gemaakt: {e}");
        std::process::exit(1);
    }
}

/// The pictures of the workshop that ships inside the binary
/// (workshops/plaatjes/*.svg and *.png) as a table of `include_bytes!`, in
/// `$OUT_DIR/bundled_pictures.rs` (read by src/content/picture_bundled.rs).
fn bundled_pictures() -> Result<(), String> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    // A new file in the folder changes the folder (or, for the folder
    // itself, workshops/).
    println!("cargo:rerun-if-changed=workshops");
    let dir = root.join("workshops").join("plaatjes");
    if dir.is_dir() {
        println!("cargo:rerun-if-changed=workshops/plaatjes");
    }
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("svg") || e.eq_ignore_ascii_case("png"))
        })
        .filter_map(|p| Some((format!("plaatjes/{}", p.file_name()?.to_str()?), p)))
        .collect();
    files.sort();
    let mut table = String::from(
        "/// The picture files beside the bundled workshop, by their path in it.\n\
         pub(crate) const BUNDLED_PICTURES: &[(&str, &[u8])] = &[\n",
    );
    for (name, path) in files {
        let path = path
            .to_str()
            .ok_or_else(|| format!("{} is geen UTF-8", path.display()))?;
        table += &format!("    ({name:?}, include_bytes!({path:?})),\n");
    }
    table += "];\n";
    let file = out.join("bundled_pictures.rs");
    std::fs::write(&file, table).map_err(|e| format!("{}: {e}", file.display()))
}

fn embed() -> Result<(), String> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let version = std::env::var("CARGO_PKG_VERSION").map_err(|e| e.to_string())?;
    // In an RC string a double quote is written twice.
    let description = std::env::var("CARGO_PKG_DESCRIPTION")
        .unwrap_or_default()
        .replace('"', "\"\"");
    let rc = out.join("kampvuur.rc");
    std::fs::write(&rc, resource_script(&root, &version, &description)?)
        .map_err(|e| format!("{}: {e}", rc.display()))?;
    let object = out.join("kampvuur-resource.o");
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| default_windres());
    let status = Command::new(&windres)
        .args(["--input-format=rc", "--output-format=coff", "-c", "65001"])
        .arg("-i")
        .arg(&rc)
        .arg("-o")
        .arg(&object)
        .status()
        .map_err(|e| format!("{windres} start niet: {e}"))?;
    if !status.success() {
        return Err(format!("{windres} gaf {status}"));
    }
    // An object on the link line is always linked, with its .rsrc section.
    println!("cargo:rustc-link-arg-bins={}", object.display());
    Ok(())
}

fn default_windres() -> String {
    let host = std::env::var("HOST").unwrap_or_default();
    if host.contains("windows") {
        "windres".to_owned()
    } else {
        "x86_64-w64-mingw32-windres".to_owned()
    }
}

/// `1.2.3` → `1,2,3,0`.
fn numeric(version: &str) -> String {
    let mut parts: Vec<String> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|p| p.parse::<u16>().unwrap_or(0).to_string())
        .collect();
    parts.resize(4, "0".to_owned());
    parts.join(",")
}

fn rc_path(path: &Path) -> Result<String, String> {
    let s = path
        .to_str()
        .ok_or_else(|| format!("{} is geen UTF-8", path.display()))?;
    Ok(s.replace('\\', "/"))
}

fn resource_script(root: &Path, version: &str, description: &str) -> Result<String, String> {
    let icon = rc_path(&root.join("packaging/windows/kampvuur.ico"))?;
    let manifest = rc_path(&root.join("packaging/windows/kampvuur.exe.manifest"))?;
    let num = numeric(version);
    Ok(format!(
        r#"#pragma code_page(65001)
1 ICON "{icon}"
1 24 "{manifest}"
1 VERSIONINFO
FILEVERSION {num}
PRODUCTVERSION {num}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "041304B0"
    BEGIN
      VALUE "CompanyName", "kampvuur"
      VALUE "FileDescription", "kampvuur – {description}"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "kampvuur"
      VALUE "LegalCopyright", "MIT OR Apache-2.0"
      VALUE "OriginalFilename", "kampvuur.exe"
      VALUE "ProductName", "kampvuur"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0413, 1200
  END
END
"#
    ))
}
