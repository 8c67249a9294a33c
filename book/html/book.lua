-- book.lua -- a Pandoc filter that writes the online edition: it takes the
-- whole book, read once, and writes one page per chapter file plus an
-- index.html (title, contents, preface, bibliography and the two indexes)
-- into the folder named by the metadata field lhv-out.  Pandoc's own
-- output is not used.
--
-- On the way it numbers chapters, sections, figures and tables as the PDF
-- does (appendices by letter from the \appendix mark on), fills in every
-- \ref with that number, points each link at the page its target is on,
-- and turns the placeholders that nw2pandoc.awk left in the code (LHVC<n>Q
-- for a chunk used, LHVI<n>Q for an identifier) into links.  It also
-- writes, to the file named by lhv-aux, the labels as LaTeX's \newlabel,
-- so that the figures can be typeset with their references resolved.
local stringify = pandoc.utils.stringify

local function esc(s)
  return (s:gsub('&', '&amp;'):gsub('<', '&lt;'):gsub('>', '&gt;')
           :gsub('"', '&quot;'))
end
local function strip_tags(s) return (s:gsub('<[^>]*>', '')) end

local function html_blocks(blocks)
  return pandoc.write(pandoc.Pandoc(blocks), 'html5')
end
-- Inline content as HTML, without its links and notes (for the contents).
local function html_inlines(inlines)
  local plain = pandoc.walk_block(pandoc.Plain(inlines), {
    Link = function(l) return l.content end,
    Note = function() return {} end,
  })
  return (html_blocks({plain}):gsub('\n$', ''))
end

-- What nw2pandoc.awk wrote beside the text.
local chunk_title, ident, defs, uses = {}, {}, {}, {}
local function read_side(path)
  for line in io.lines(path) do
    local f = {}
    for field in (line .. '\t'):gmatch('([^\t]*)\t') do f[#f + 1] = field end
    if f[1] == 'chunk' then chunk_title[tonumber(f[2])] = f[3]
    elseif f[1] == 'ident' then
      ident[tonumber(f[2])] = {name = f[3], anchor = f[4]}
    elseif f[1] == 'defn' then defs[#defs + 1] = {name = f[2], at = f[3]}
    elseif f[1] == 'use' then
      uses[#uses + 1] = {name = f[2], def = f[3], at = f[4]}
    end
  end
end

-- The pages, in reading order; pages[1] is index.html.
local pages, page_of = {}, {}
local bibliography = nil

local function split(blocks)
  local page = nil
  local appendix = false
  for _, b in ipairs(blocks) do
    local id = b.identifier or ''
    if b.t == 'Div' and id:match('^lhvfile%-') then
      page = {name = id:sub(9), blocks = {}, appendix = appendix}
      pages[#pages + 1] = page
    elseif b.t == 'Div' and id == 'lhv-appendix' then
      appendix = true; page.appendix = true
    elseif b.t == 'Div' and id == 'refs' then
      bibliography = b
    elseif page then
      page.blocks[#page.blocks + 1] = b
    end
  end
end

-- Numbering, as LaTeX's book class does it.
local label = {}          -- id -> the number a \ref to it prints
local section_of = {}     -- id -> the number of the section it is in
local letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

local function number_page(page, counters)
  local chap, sec, sub, fig, tab = nil, 0, 0, 0, 0
  local current, where = '', ''
  local function note_id(id)
    if id ~= '' then
      page_of[id] = page.name
      section_of[id] = where
    end
  end
  local scan_blocks
  local function scan_inlines(inlines)
    pandoc.walk_block(pandoc.Plain(inlines), {
      Span = function(s)
        note_id(s.identifier)
        if s.attributes.label then label[s.identifier] = current end
      end,
      Image = function(i) note_id(i.identifier) end,
    })
  end
  scan_blocks = function(blocks)
    for _, b in ipairs(blocks) do
      local t = b.t
      if t == 'Header' then
        local numbered = not b.classes:includes('unnumbered')
        if b.level == 1 and numbered and page.name ~= 'index' then
          if page.appendix then
            counters.appendix = counters.appendix + 1
            chap = letters:sub(counters.appendix, counters.appendix)
            page.kind = 'Appendix'
          else
            counters.chapter = counters.chapter + 1
            chap = tostring(counters.chapter)
            page.kind = 'Chapter'
          end
          page.number, page.title, page.id = chap, b.content, b.identifier
          current, where = chap, chap
          b.content = {pandoc.Span({pandoc.Str(page.kind .. '\u{a0}' .. chap)},
                                   {class = 'chapno'}), pandoc.Space()}
                      .. b.content
        elseif b.level == 1 then
          page.title, page.id = b.content, b.identifier
        elseif b.level <= 3 and numbered and chap then
          if b.level == 2 then sec, sub = sec + 1, 0
            current = chap .. '.' .. sec
          else sub = sub + 1
            current = chap .. '.' .. sec .. '.' .. sub
          end
          where = current
          b.attributes.number = current
          b.content = {pandoc.Span({pandoc.Str(current)}, {class = 'secno'}),
                       pandoc.Space()} .. b.content
        end
        label[b.identifier] = current
        note_id(b.identifier)
        if b.level == 2 then
          page.sections = page.sections or {}
          table.insert(page.sections, b)
        end
      elseif (t == 'Para' or t == 'Plain') and #b.content == 1
             and b.content[1].t == 'Image'
             and b.content[1].title:match('^fig:') then
        fig = fig + 1
        current = (chap or '') .. '.' .. fig
        local img = b.content[1]
        label[img.identifier] = current
        note_id(img.identifier)
        img.caption = {pandoc.Span({pandoc.Str('Figure ' .. current .. ':')},
                                   {class = 'figno'}), pandoc.Space()}
                      .. img.caption
      elseif t == 'Table' then
        if #b.caption.long > 0 then
          tab = tab + 1
          current = (chap or '') .. '.' .. tab
          local first = b.caption.long[1]
          first.content = {pandoc.Span({pandoc.Str('Table ' .. current ..
                             ':')}, {class = 'figno'}), pandoc.Space()}
                          .. first.content
        end
        note_id(b.identifier)
      elseif t == 'Div' then
        scan_blocks(b.content)
        -- A Div that holds a numbered table takes the table's number.
        if b.identifier ~= '' and #b.content > 0 and b.content[1].t == 'Table'
        then label[b.identifier] = current end
        note_id(b.identifier)
      elseif t == 'OrderedList' then
        local saved = current
        for i, item in ipairs(b.content) do
          current = tostring(b.start + i - 1)
          scan_blocks(item)
        end
        current = saved
      elseif t == 'BulletList' then
        for _, item in ipairs(b.content) do scan_blocks(item) end
      elseif t == 'DefinitionList' then
        for _, item in ipairs(b.content) do
          scan_inlines(item[1])
          for _, d in ipairs(item[2]) do scan_blocks(d) end
        end
      elseif t == 'BlockQuote' then
        scan_blocks(b.content)
      elseif t == 'Para' or t == 'Plain' then
        scan_inlines(b.content)
      elseif t == 'CodeBlock' then
        note_id(b.identifier)
      end
    end
  end
  scan_blocks(page.blocks)
end

local problems = 0
local function warn(msg)
  io.stderr:write('html: ' .. msg .. '\n'); problems = problems + 1
end

local function href(id, from)
  local p = page_of[id]
  if not p then return nil end
  if p == from then return '#' .. id end
  return p .. '.html#' .. id
end

-- Links: a \ref prints its number; every #id goes to the page it is on.
local function resolve_links(page)
  page.blocks = pandoc.walk_block(pandoc.Div(page.blocks), {
    Link = function(l)
      if l.target:sub(1, 1) ~= '#' then return nil end
      local id = l.target:sub(2)
      if l.attributes['reference-type'] then
        local n = label[id]
        if n and n ~= '' then l.content = {pandoc.Str(n)}
        else warn(page.name .. ': \\ref{' .. id .. '} has no number') end
        l.attributes['reference-type'] = nil
        l.attributes['reference'] = nil
      end
      local h = href(id, page.name)
      if h then l.target = h
      else warn(page.name .. ': link to #' .. id .. ' has no target') end
      return l
    end,
  }).content
end

-- Code: highlighted by Pandoc as the page is written, then the
-- placeholders become links.
local idents_linked, code_count = 0, 0
local function tidy_code(page)
  page.blocks = pandoc.walk_block(pandoc.Div(page.blocks), {
    CodeBlock = function(cb)
      code_count = code_count + 1
      cb.attributes.language = nil
      cb.text = cb.text:gsub('^LHVTOP\n', '')   -- see nw2pandoc.awk
      return cb
    end,
  }).content
end

local function link_code(s, from)
  -- Pandoc anchors every line of code; those anchors are noise here.
  s = s:gsub('<a href="#[^"]*" aria%-hidden="true" tabindex="%-1"></a>', '')
  s = s:gsub('LHVC(%d+)Q', function(n)
    local id = 'chunk-' .. n
    local t = chunk_title[tonumber(n)] or ('chunk ' .. n)
    return '<a class="chunkref" href="' .. (href(id, from) or '#' .. id) ..
           '">⟨' .. t .. '⟩</a>'
  end)
  s = s:gsub('LHVI(%d+)Q', function(n)
    local i = ident[tonumber(n)]
    local defined_in = ''
    local c = i.anchor:match('^chunk%-(%d+)')
    if c and chunk_title[tonumber(c)] then
      defined_in = ' title="' .. esc(strip_tags(chunk_title[tonumber(c)])) ..
                   '"'
    end
    idents_linked = idents_linked + 1
    return '<a class="ident" href="' .. (href(i.anchor, from) or '#') ..
           '"' .. defined_in .. '>' .. esc(i.name) .. '</a>'
  end)
  return s
end

-- The sidebar, the pager and the page around them.
local function chapter_label(p)
  if p.number then
    return '<span class="num">' .. p.number .. '</span> ' ..
           html_inlines(p.title)
  end
  return html_inlines(p.title)
end

local function section_html(h, from)
  local num = h.attributes.number
  local content = h.content
  if num then   -- leave out the number and the space after it
    content = {}
    for i = 3, #h.content do content[#content + 1] = h.content[i] end
  end
  return '<a href="' .. href(h.identifier, from) .. '">' ..
         (num and ('<span class="num">' .. num .. '</span> ') or '') ..
         html_inlines(content) .. '</a>'
end

local back_matter = {
  {id = 'bibliography', title = 'Bibliography'},
  {id = 'chunk-index', title = 'Index of Chunks'},
  {id = 'identifier-index', title = 'Index of Identifiers'},
}

local function sidebar(current)
  local out = {'<nav class="sidebar" aria-label="Contents">',
    '<a class="booktitle" href="index.html">Little Hypervisor</a>',
    '<input type="checkbox" id="toc-toggle">',
    '<label for="toc-toggle" class="toc-toggle">Contents</label>',
    '<ol class="toc">',
    '<li><a href="index.html#contents">Contents</a></li>',
    '<li><a href="index.html#preface">Preface</a></li>'}
  for i = 2, #pages do
    local p = pages[i]
    local here = p == current
    out[#out + 1] = '<li' .. (here and ' class="current"' or '') ..
                    '><a href="' .. p.name .. '.html"' ..
                    (here and ' aria-current="page"' or '') .. '>' ..
                    chapter_label(p) .. '</a>'
    if here and p.sections then
      out[#out + 1] = '<ol class="sections">'
      for _, h in ipairs(p.sections) do
        out[#out + 1] = '<li>' .. section_html(h, p.name) .. '</li>'
      end
      out[#out + 1] = '</ol>'
    end
    out[#out + 1] = '</li>'
  end
  for _, b in ipairs(back_matter) do
    out[#out + 1] = '<li><a href="index.html#' .. b.id .. '">' .. b.title ..
                    '</a></li>'
  end
  out[#out + 1] = '</ol></nav>'
  return table.concat(out, '\n')
end

local function pager(i)
  local prev, next = pages[i - 1], pages[i + 1]
  local s = '<nav class="pager" aria-label="Chapters">'
  if prev then
    s = s .. '<a rel="prev" href="' .. prev.name .. '.html">← ' ..
        (prev.number and (prev.kind .. ' ' .. prev.number .. ': ') or '') ..
        strip_tags(html_inlines(prev.title)) .. '</a>'
  end
  if next then
    s = s .. '<a rel="next" href="' .. next.name .. '.html">' ..
        (next.number and (next.kind .. ' ' .. next.number .. ': ') or '') ..
        strip_tags(html_inlines(next.title)) .. ' →</a>'
  elseif i > 1 then
    s = s .. '<a rel="next" href="index.html#bibliography">' ..
        'Bibliography and indexes →</a>'
  end
  return s .. '</nav>'
end

local function write_page(i, body)
  local p = pages[i]
  local title = 'Little Hypervisor'
  if i > 1 then
    title = (p.number and (p.kind .. ' ' .. p.number .. ': ') or '') ..
            stringify(p.title) .. ' — ' .. title
  end
  local f = assert(io.open(p.dir .. '/' .. p.name .. '.html', 'w'))
  f:write('<!DOCTYPE html>\n<html lang="en">\n<head>\n',
    '<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<title>', esc(title), '</title>\n',
    '<link rel="stylesheet" href="book.css">\n</head>\n<body>\n',
    sidebar(p), '\n<main>\n', pager(i), '\n', body, '\n', pager(i),
    '\n</main>\n</body>\n</html>\n')
  f:close()
end

-- index.html: the title, the whole contents, the preface, the back matter.
local function contents_html()
  local out = {'<h2 id="contents">Contents</h2>', '<ol class="contents">',
    '<li><a href="#preface">Preface</a></li>'}
  for i = 2, #pages do
    local p = pages[i]
    out[#out + 1] = '<li><a href="' .. p.name .. '.html">' ..
                    chapter_label(p) .. '</a>'
    if p.sections then
      out[#out + 1] = '<ol>'
      for _, h in ipairs(p.sections) do
        out[#out + 1] = '<li>' .. section_html(h, 'index') .. '</li>'
      end
      out[#out + 1] = '</ol>'
    end
    out[#out + 1] = '</li>'
  end
  for _, b in ipairs(back_matter) do
    out[#out + 1] = '<li><a href="#' .. b.id .. '">' .. b.title ..
                    '</a></li>'
  end
  out[#out + 1] = '</ol>'
  return table.concat(out, '\n')
end

local function where_link(id)
  local s = section_of[id]
  if not s or s == '' then s = page_of[id] or '?' end
  return '<a href="' .. (href(id, 'index') or '#') .. '">' .. s .. '</a>'
end

local function chunk_index()
  local list = {}
  for n, t in pairs(chunk_title) do
    list[#list + 1] = {n = n, t = t, key = strip_tags(t):lower()}
  end
  table.sort(list, function(a, b) return a.key < b.key end)
  local out = {'<h2 id="chunk-index">Index of Chunks</h2>',
    '<p>Every chunk of the book, with the section that defines it.</p>',
    '<ul class="chunk-index">'}
  for _, c in ipairs(list) do
    local id = 'chunk-' .. c.n
    out[#out + 1] = '<li><a href="' .. (href(id, 'index') or '#') ..
                    '">⟨' .. c.t .. '⟩</a> ' ..
                    '<span class="where">' .. (section_of[id] or '') ..
                    '</span></li>'
  end
  out[#out + 1] = '</ul>'
  return table.concat(out, '\n')
end

local function identifier_index()
  local entries, order = {}, {}
  for _, d in ipairs(defs) do
    local key = d.name .. '\0' .. d.at
    if not entries[key] then
      entries[key] = {name = d.name, at = d.at, uses = {}, seen = {}}
      order[#order + 1] = entries[key]
    end
  end
  for _, u in ipairs(uses) do
    local e = entries[u.name .. '\0' .. u.def]
    local s = section_of[u.at] or u.at
    if e and not e.seen[s] then
      e.seen[s] = true; e.uses[#e.uses + 1] = u.at
    end
  end
  table.sort(order, function(a, b)
    local x, y = a.name:lower(), b.name:lower()
    if x ~= y then return x < y end
    return a.at < b.at
  end)
  local out = {'<h2 id="identifier-index">Index of Identifiers</h2>',
    '<p>Each identifier with the section that defines it and the ' ..
    'sections whose code uses it.</p>', '<ul class="identifier-index">'}
  for _, e in ipairs(order) do
    local u = {}
    for _, at in ipairs(e.uses) do u[#u + 1] = where_link(at) end
    out[#out + 1] = '<li><code>' .. esc(e.name) .. '</code>: defined in ' ..
                    where_link(e.at) ..
                    (#u > 0 and ('; used in ' .. table.concat(u, ', '))
                     or '') .. '</li>'
  end
  out[#out + 1] = '</ul>'
  return table.concat(out, '\n')
end

local function write_aux(path)
  local f = assert(io.open(path, 'w'))
  local ids = {}
  for id in pairs(label) do ids[#ids + 1] = id end
  table.sort(ids)
  for _, id in ipairs(ids) do
    if id:match(':') and label[id] ~= '' then
      f:write('\\newlabel{', id, '}{{', label[id], '}{}{}{}{}}\n')
    end
  end
  f:close()
end

function Pandoc(doc)
  local outdir = stringify(doc.meta['lhv-out'])
  read_side(stringify(doc.meta['lhv-side']))
  split(doc.blocks)
  assert(pages[1] and pages[1].name == 'index',
         'html: the text must begin with the index page (the preface)')
  local counters = {chapter = 0, appendix = 0}
  for _, p in ipairs(pages) do p.dir = outdir; number_page(p, counters) end
  if bibliography then
    page_of['bibliography'] = 'index'
    pandoc.walk_block(bibliography, {Div = function(d)
      if d.identifier ~= '' then page_of[d.identifier] = 'index' end
    end})
  end
  for _, b in ipairs(back_matter) do page_of[b.id] = 'index' end
  page_of['contents'], page_of['preface'] = 'index', 'index'
  for _, p in ipairs(pages) do resolve_links(p); tidy_code(p) end
  pages[1].title = {pandoc.Str('Contents')}
  write_aux(stringify(doc.meta['lhv-aux']))

  for i = 2, #pages do
    write_page(i, link_code(html_blocks(pages[i].blocks), pages[i].name))
  end

  local index = pages[1]
  local bib = bibliography and html_blocks({bibliography}) or ''
  write_page(1, table.concat({
    '<header class="titlepage"><h1>Little Hypervisor</h1>',
    '<p class="subtitle">A literate x86 hypervisor in C++, ' ..
    'after Rusty Russell’s lguest</p></header>',
    contents_html(),
    '<section class="preface">', html_blocks(index.blocks), '</section>',
    '<h2 id="bibliography">Bibliography</h2>', bib,
    chunk_index(), identifier_index()}, '\n'))
  io.stderr:write(string.format(
    'html: %d pages, %d code blocks, %d identifier links\n',
    #pages, code_count, idents_linked))
  if problems > 0 then
    io.stderr:write('html: ' .. problems .. ' problems\n'); os.exit(1)
  end
  return pandoc.Pandoc({})
end
