-- Headless Neovim against `copydesk lsp`: open the seed draft, wait for
-- the diagnostics, write them to $OUT (compared by run.sh with
-- expected-seed.tsv), apply the preferred quick fix and a "disable on
-- this line" action through Neovim's own code-action and workspace-edit
-- machinery, and check the diagnostics that follow. Any failed check
-- exits Neovim with status 1.
--
-- Environment: COPYDESK_BIN, DRAFT (a copy of the seed), OUT, HERE (this
-- folder).
local bin, draft, out, here = os.getenv('COPYDESK_BIN'), os.getenv('DRAFT'), os.getenv('OUT'), os.getenv('HERE')
package.path = here .. '/?.lua;' .. package.path
local copydesk = require('copydesk')

local WAIT_MS = 20000
local report = {}

local function fail(message)
  report[#report + 1] = 'FAIL: ' .. message
  vim.fn.writefile(report, out)
  vim.cmd('cquit 1')
end

local function check(ok, message)
  if not ok then
    fail(message)
  end
end

vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local buf = vim.api.nvim_get_current_buf()
local client_id = copydesk.attach(buf, { bin = bin, root_dir = vim.fn.fnamemodify(draft, ':h') })
check(client_id ~= nil, 'copydesk lsp did not start')

local function diagnostics()
  local list = vim.diagnostic.get(buf)
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    return a.col < b.col
  end)
  return list
end

local function codes(list)
  local out_codes = {}
  for _, d in ipairs(list) do
    out_codes[#out_codes + 1] = tostring(d.code)
  end
  return table.concat(out_codes, ',')
end

-- Waits until the buffer's diagnostics satisfy `ready`.
local function wait_for(what, ready)
  local ok = vim.wait(WAIT_MS, function()
    return ready(diagnostics())
  end, 20)
  check(ok, 'timed out waiting for ' .. what .. ' (have: ' .. codes(diagnostics()) .. ')')
  return diagnostics()
end

local seed = wait_for('the seed findings', function(list)
  return #list == 7
end)

-- One line per finding: rule, severity, 1-based line:column (bytes, as
-- Neovim keeps them) to line:column, source, evidence count, doc link.
local names = { 'error', 'warning', 'info', 'hint' }
for _, d in ipairs(seed) do
  local lsp_d = (d.user_data and d.user_data.lsp) or {}
  local related = lsp_d.relatedInformation or {}
  local href = lsp_d.codeDescription and lsp_d.codeDescription.href or ''
  report[#report + 1] = table.concat({
    tostring(d.code),
    names[d.severity],
    string.format('%d:%d-%d:%d', d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1),
    tostring(d.source),
    string.format('related=%d', #related),
    (href:match('^file://') or href:match('^https?://')) and 'href=yes' or 'href=no',
  }, '\t')
end

-- The client asks for code actions at a finding, as `:lua
-- vim.lsp.buf.code_action()` does, and applies the chosen one's edit.
-- A finding's range back in LSP terms (Neovim keeps byte columns).
local function utf16(row, byte_col)
  local line = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1] or ''
  local _, units = vim.str_utfindex(line, math.min(byte_col, #line))
  return { line = row, character = units }
end

local function range_of(d)
  return { start = utf16(d.lnum, d.col), ['end'] = utf16(d.end_lnum, d.end_col) }
end

local function actions_at(d)
  local lsp_d = vim.tbl_extend('force', d.user_data.lsp or {}, {
    range = range_of(d),
    message = d.message,
    severity = d.severity,
    code = d.code,
    source = d.source,
  })
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = lsp_d.range,
    context = { diagnostics = { lsp_d } },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, WAIT_MS)
  check(responses ~= nil, 'no answer to textDocument/codeAction')
  local actions = {}
  for _, response in pairs(responses) do
    local err = response.err or response.error
    check(err == nil, 'codeAction error: ' .. vim.inspect(err))
    for _, a in ipairs(response.result or {}) do
      actions[#actions + 1] = a
    end
  end
  return actions
end

local function apply(action)
  check(action.edit ~= nil, 'action without an edit: ' .. tostring(action.title))
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
end

local function find(list, code)
  for _, d in ipairs(list) do
    if tostring(d.code) == code then
      return d
    end
  end
end

-- 1. The preferred quick fix of demonym-plural: "Druzes" becomes "Druze".
local demonym = find(seed, 'demonym-plural')
check(demonym ~= nil, 'no demonym-plural finding')
local preferred
for _, a in ipairs(actions_at(demonym)) do
  if a.isPreferred then
    check(preferred == nil, 'two preferred actions')
    preferred = a
  end
end
check(preferred ~= nil, 'no preferred quick fix for demonym-plural: ' .. vim.inspect(actions_at(demonym)))
report[#report + 1] = 'preferred: ' .. preferred.title
apply(preferred)
local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
check(not text:find('Druzes', 1, true), 'the fix left "Druzes" in the buffer')
check(text:find('proportion of Druze in', 1, true) ~= nil, 'the fix did not write "Druze"')
local fixed = wait_for('the findings after the fix', function(list)
  return #list == 6 and find(list, 'demonym-plural') == nil
end)
report[#report + 1] = 'after fix: ' .. codes(fixed)

-- 2. "Disable place-country on this line": a suppression comment above it.
local place = find(fixed, 'place-country')
check(place ~= nil, 'no place-country finding after the fix')
local disable
for _, a in ipairs(actions_at(place)) do
  if a.title == 'Disable place-country on this line' then
    disable = a
  end
end
check(disable ~= nil, 'no "Disable place-country on this line" action')
apply(disable)
local comment = vim.api.nvim_buf_get_lines(buf, place.lnum, place.lnum + 1, false)[1]
check(comment == '<!-- copydesk-disable-next-line place-country -->', 'comment line: ' .. tostring(comment))
local disabled = wait_for('the findings after disabling', function(list)
  return #list == 5 and find(list, 'place-country') == nil
end)
report[#report + 1] = 'after disable: ' .. codes(disabled)

-- 3. Hover on a finding shows its rule's explanation.
local quote = find(disabled, 'quote-mismatch')
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  position = range_of(quote).start,
}, WAIT_MS)
local hover_text = ''
for _, response in pairs(hover or {}) do
  if response.result and response.result.contents then
    hover_text = response.result.contents.value or ''
  end
end
check(hover_text:find('quote-mismatch', 1, true) ~= nil, 'hover does not explain quote-mismatch')
report[#report + 1] = 'hover: ' .. (hover_text:match('[^\n]+') or '')

report[#report + 1] = 'neovim: ok'
vim.fn.writefile(report, out)
vim.lsp.stop_client(client_id)
vim.wait(2000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end, 20)
vim.cmd('qall!')
