-- single-page.lua: pandoc filter for docs/single-page.sh.  Each page's
-- ids get the page's name in front, and links between pages become links
-- inside the one page.
local page
local function prefix(p) return (p:gsub('%.md$', ''):gsub('/', '-')) end
local function resolve(base, rel)
	local stack = {}
	for part in (base .. rel):gmatch('[^/]+') do
		if part == '..' then table.remove(stack)
		elseif part ~= '.' then table.insert(stack, part) end
	end
	return table.concat(stack, '/')
end
return {
	{ Meta = function(m) page = pandoc.utils.stringify(m.page) end },
	{
		Header = function(h)
			h.identifier = h.level == 1 and prefix(page)
			    or prefix(page) .. '--' .. h.identifier
			return h
		end,
		Link = function(l)
			if l.target:match('^%a[%w+.-]*:') then return nil end
			local path, frag = l.target:match('^([^#]*)#?(.*)$')
			local t = path == '' and page
			    or resolve(page:match('^(.*/)') or '', path)
			l.target = '#' .. prefix(t) .. (frag ~= '' and '--' .. frag or '')
			return l
		end,
	},
}
