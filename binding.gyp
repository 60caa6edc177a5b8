# The lunet native addon: arena memory, W^X code memory and the raw trace entry (native/README.md).
# Built by scripts/build-addon.mjs at `npm install`; a failed build leaves lunet interpreted.
{
  "targets": [
    {
      "target_name": "lunet",
      "sources": [
        "native/src/addon.cc",
        "native/src/arena.cc",
        "native/src/code.cc",
        "native/src/enter.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")"
      ],
      "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc": ["-std=c++17", "-O2", "-fexceptions", "-Wall", "-Wextra"]
    }
  ]
}
