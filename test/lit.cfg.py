# -*- Python -*-
import os
import lit.formats
from lit.llvm import llvm_config

config.name = "METIS"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.metis_obj_root, "test")
config.substitutions.append(("%shared", config.metis_shared_dir))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
tool_dirs = [os.path.join(config.metis_obj_root, "bin"), config.llvm_tools_dir]
llvm_config.add_tool_substitutions(["metis-statetest"], tool_dirs)
llvm_config.add_tool_substitutions(["metis-opt"], tool_dirs)
llvm_config.add_tool_substitutions(["metisc"], tool_dirs)
llvm_config.add_tool_substitutions(["metis-liftcheck"], tool_dirs)
llvm_config.add_tool_substitutions(["metis-block"], tool_dirs)
