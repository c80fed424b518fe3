// Handsontable's table editor in Chinese: the dictionary for the language code Wagtail gives it
// (zh-hans), as Handsontable 6 ships English only (cms/core/table_block.py).
(() => {
  const languages = window.Handsontable && window.Handsontable.languages;
  if (!languages || languages.getLanguageDictionary("zh-hans")) return;
  const k = languages.dictionaryKeys;
  languages.registerLanguageDictionary({
    languageCode: "zh-hans",
    [k.CONTEXTMENU_ITEMS_ROW_ABOVE]: "在上方插入行",
    [k.CONTEXTMENU_ITEMS_ROW_BELOW]: "在下方插入行",
    [k.CONTEXTMENU_ITEMS_INSERT_LEFT]: "在左侧插入列",
    [k.CONTEXTMENU_ITEMS_INSERT_RIGHT]: "在右侧插入列",
    [k.CONTEXTMENU_ITEMS_REMOVE_ROW]: ["删除行", "删除行"],
    [k.CONTEXTMENU_ITEMS_REMOVE_COLUMN]: ["删除列", "删除列"],
    [k.CONTEXTMENU_ITEMS_UNDO]: "撤销",
    [k.CONTEXTMENU_ITEMS_REDO]: "重做",
    [k.CONTEXTMENU_ITEMS_READ_ONLY]: "只读",
    [k.CONTEXTMENU_ITEMS_CLEAR_COLUMN]: "清空列",
    [k.CONTEXTMENU_ITEMS_ALIGNMENT]: "对齐",
    [k.CONTEXTMENU_ITEMS_ALIGNMENT_LEFT]: "左对齐",
    [k.CONTEXTMENU_ITEMS_ALIGNMENT_CENTER]: "居中",
    [k.CONTEXTMENU_ITEMS_ALIGNMENT_RIGHT]: "右对齐",
    [k.CONTEXTMENU_ITEMS_ALIGNMENT_JUSTIFY]: "两端对齐",
    [k.CONTEXTMENU_ITEMS_ALIGNMENT_TOP]: "顶端对齐",
    [k.CONTEXTMENU_ITEMS_ALIGNMENT_MIDDLE]: "垂直居中",
    [k.CONTEXTMENU_ITEMS_ALIGNMENT_BOTTOM]: "底端对齐",
    [k.CONTEXTMENU_ITEMS_FREEZE_COLUMN]: "冻结列",
    [k.CONTEXTMENU_ITEMS_UNFREEZE_COLUMN]: "取消冻结列",
    [k.CONTEXTMENU_ITEMS_BORDERS]: "边框",
    [k.CONTEXTMENU_ITEMS_BORDERS_TOP]: "上边框",
    [k.CONTEXTMENU_ITEMS_BORDERS_RIGHT]: "右边框",
    [k.CONTEXTMENU_ITEMS_BORDERS_BOTTOM]: "下边框",
    [k.CONTEXTMENU_ITEMS_BORDERS_LEFT]: "左边框",
    [k.CONTEXTMENU_ITEMS_REMOVE_BORDERS]: "删除边框",
    [k.CONTEXTMENU_ITEMS_ADD_COMMENT]: "添加批注",
    [k.CONTEXTMENU_ITEMS_EDIT_COMMENT]: "编辑批注",
    [k.CONTEXTMENU_ITEMS_REMOVE_COMMENT]: "删除批注",
    [k.CONTEXTMENU_ITEMS_READ_ONLY_COMMENT]: "只读批注",
    [k.CONTEXTMENU_ITEMS_MERGE_CELLS]: "合并单元格",
    [k.CONTEXTMENU_ITEMS_UNMERGE_CELLS]: "取消合并单元格",
    [k.CONTEXTMENU_ITEMS_COPY]: "复制",
    [k.CONTEXTMENU_ITEMS_CUT]: "剪切",
    [k.CONTEXTMENU_ITEMS_HIDE_COLUMN]: ["隐藏列", "隐藏列"],
    [k.CONTEXTMENU_ITEMS_SHOW_COLUMN]: ["显示列", "显示列"],
    [k.CONTEXTMENU_ITEMS_HIDE_ROW]: ["隐藏行", "隐藏行"],
    [k.CONTEXTMENU_ITEMS_SHOW_ROW]: ["显示行", "显示行"],
  });
})();
