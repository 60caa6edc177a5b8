-- remove() deletes empty directories too
assert(os.execute("mkdir tmp_os_dir && touch tmp_os_dir/f"))
print(os.remove("tmp_os_dir"))
print(os.remove("tmp_os_dir/f"))
print(os.remove("tmp_os_dir"))
print(os.remove("tmp_os_dir"))
