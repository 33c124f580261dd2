resolve
