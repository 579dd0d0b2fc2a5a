-- Drives the server from headless Neovim 0.7 (no vim.lsp.start there) as a user's config would:
-- Neovim's own filetype detection names the draft's filetype, and a FileType autocommand attaches
-- the server; push diagnostics arrive, hover and definition answer.
-- Run: nvim --headless --clean -c 'luafile neovim.lua' (--clean: defaults and filetype detection on)
-- Env: UN_SERVER (path to dist/server.js), UN_DRAFT (a Markdown file). Exits non-zero on failure.

local server = os.getenv('UN_SERVER')
local draft = os.getenv('UN_DRAFT')
local function fail(msg)
  io.stderr:write('neovim: FAIL ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local got = nil
local client_id = vim.lsp.start_client({
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(draft, ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result)
      if result and result.uri == vim.uri_from_fname(draft) then got = result.diagnostics end
    end,
  },
})
if not client_id then fail('could not start the server') end

-- The README's recipe, for 0.7: attach on the markdown filetype that Neovim itself detects.
vim.api.nvim_create_autocmd('FileType', { pattern = 'markdown', callback = function(args) vim.lsp.buf_attach_client(args.buf, client_id) end })
vim.cmd('edit ' .. draft)
local bufnr = vim.api.nvim_get_current_buf()
if vim.bo.filetype ~= 'markdown' then fail('filetype detection gave "' .. vim.bo.filetype .. '"') end
if not vim.lsp.buf_is_attached(bufnr, client_id) then fail('the FileType autocommand did not attach the server') end

if not vim.wait(15000, function() return got ~= nil end, 50) then fail('no diagnostics arrived') end
if #got ~= 1 or got[1].code ~= 'citation.unknown-paragraph' then fail('expected one unknown-paragraph diagnostic, got ' .. vim.inspect(got)) end

local function request(method, line, character)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
  local responses = vim.lsp.buf_request_sync(bufnr, method, params, 5000)
  for _, r in pairs(responses or {}) do if r.result then return r.result end end
  return nil
end

local hover = request('textDocument/hover', 0, 9)
if not hover or not string.find(hover.contents.value, 'Encourages States parties to consider establishing', 1, true) then fail('hover: ' .. vim.inspect(hover)) end

local definition = request('textDocument/definition', 0, 9)
if not definition or #definition < 1 or not string.find(definition[1].targetUri, 'compendium', 1, true) then fail('definition: ' .. vim.inspect(definition)) end

print('neovim: ok (diagnostics, hover, definition)')
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
