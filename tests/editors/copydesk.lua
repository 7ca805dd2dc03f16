-- The Neovim setup docs/editors.md gives, as one function: start (or
-- reuse) `copydesk lsp` for a buffer. Works on Neovim 0.7 (Debian 12's,
-- vim.lsp.start_client) and 0.8+ (vim.lsp.start).
local M = {}

function M.attach(bufnr, opts)
  opts = opts or {}
  local config = {
    name = 'copydesk',
    cmd = { opts.bin or 'copydesk', 'lsp' },
    root_dir = opts.root_dir or vim.fn.getcwd(),
    init_options = opts.init_options or {},
  }
  if vim.lsp.start then
    return vim.api.nvim_buf_call(bufnr, function()
      return vim.lsp.start(config)
    end)
  end
  local id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

return M
