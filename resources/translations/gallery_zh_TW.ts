<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>CollectionListModel</name>
    <message>
        <location filename="../../desktop/ui/gallery/collection_list_model.py" line="78"/>
        <source>All images</source>
        <translation>全部圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/collection_list_model.py" line="78"/>
        <source>Favourites</source>
        <translation>我的最愛</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/collection_list_model.py" line="79"/>
        <source>Trash</source>
        <translation>垃圾桶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/collection_list_model.py" line="94"/>
        <source>Saved search: opening it runs the search again</source>
        <translation>已儲存的搜尋：開啟時會重新搜尋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/collection_list_model.py" line="96"/>
        <source>Drop images here</source>
        <translation>將圖片拖放到這裡</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../desktop/ui/gallery/compare_dialog.py" line="91"/>
        <source>Compare %1 images</source>
        <translation>比較 %1 張圖片</translation>
    </message>
</context>
<context>
    <name>DetailPanelView</name>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="147"/>
        <source>Favourite</source>
        <translation>我的最愛</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="148"/>
        <source>Copy prompt</source>
        <translation>複製提示詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="149"/>
        <source>Copy seed</source>
        <translation>複製種子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="150"/>
        <source>Generate again</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="152"/>
        <source>Queue this image&apos;s settings again with a new seed (opens the queue&apos;s preview)</source>
        <translation>以新的種子把這張圖的設定再送進佇列（開啟佇列的預覽）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="153"/>
        <source>Use as template</source>
        <translation>當作範本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="155"/>
        <source>Open these settings in the queue to change them before generating</source>
        <translation>在佇列中開啟這些設定，修改後再生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="156"/>
        <source>Compare side by side</source>
        <translation>並排比較</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="160"/>
        <source>Add tags, separated by commas</source>
        <translation>新增標籤，以逗號分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="161"/>
        <source>Collections…</source>
        <translation>收藏集…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="162"/>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="162"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="163"/>
        <source>Select an image to see how it was made.</source>
        <translation>選取一張圖片，查看它的生成方式。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="197"/>
        <source>%1 images selected</source>
        <translation>已選取 %1 張圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="241"/>
        <source>In: %1</source>
        <translation>收藏於：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="242"/>
        <source>In no collection</source>
        <translation>不在任何收藏集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="259"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="269"/>
        <source>In the file</source>
        <translation>檔案內的中繼資料</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/detail_panel_view.py" line="274"/>
        <source>The image file is missing</source>
        <translation>找不到圖片檔案</translation>
    </message>
</context>
<context>
    <name>FacetPanelView</name>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="113"/>
        <source>Favourites only</source>
        <translation>只顯示我的最愛</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="114"/>
        <source>Rating</source>
        <translation>評分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="118"/>
        <source>Any rating</source>
        <translation>不限評分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="120"/>
        <source>%1 or more</source>
        <translation>%1 以上</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="121"/>
        <source>Unrated</source>
        <translation>未評分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="126"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="127"/>
        <source>To</source>
        <translation>迄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="128"/>
        <source>Cost (US$)</source>
        <translation>費用（US$）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="130"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="131"/>
        <source>Provider</source>
        <translation>供應商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="131"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="132"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="132"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="133"/>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="133"/>
        <source>Origin</source>
        <translation>來源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/facet_panel_view.py" line="136"/>
        <source>Clear filters</source>
        <translation>清除篩選</translation>
    </message>
</context>
<context>
    <name>FilterBarView</name>
    <message>
        <location filename="../../desktop/ui/gallery/filter_bar_view.py" line="77"/>
        <source>Search prompts…</source>
        <translation>搜尋提示詞…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/filter_bar_view.py" line="78"/>
        <source>Filters</source>
        <translation>篩選</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/filter_bar_view.py" line="79"/>
        <source>Show or hide the filters</source>
        <translation>顯示或隱藏篩選條件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/filter_bar_view.py" line="80"/>
        <source>Save search…</source>
        <translation>儲存搜尋…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/filter_bar_view.py" line="81"/>
        <source>Keep this search as a smart collection</source>
        <translation>將這個搜尋存成智慧收藏集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/filter_bar_view.py" line="82"/>
        <source>Import…</source>
        <translation>匯入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/filter_bar_view.py" line="84"/>
        <source>Add images made elsewhere (A1111, ComfyUI, InvokeAI…); their prompts become searchable</source>
        <translation>加入在其他工具產生的圖片（A1111、ComfyUI、InvokeAI…），其提示詞即可搜尋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/filter_bar_view.py" line="85"/>
        <source>Thumbnail size</source>
        <translation>縮圖大小</translation>
    </message>
</context>
<context>
    <name>GalleryCommands</name>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="46"/>
        <source>Images (%1)</source>
        <translation>圖片（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="105"/>
        <source>Rating images</source>
        <translation>評分圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="111"/>
        <source>Marking favourites</source>
        <translation>標記我的最愛</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="130"/>
        <source>Changing tags</source>
        <translation>修改標籤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="135"/>
        <source>Adding to a collection</source>
        <translation>加入收藏集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="140"/>
        <source>Removing from a collection</source>
        <translation>從收藏集移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="144"/>
        <source>New collection</source>
        <translation>新增收藏集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="144"/>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="155"/>
        <source>Creating a collection</source>
        <translation>建立收藏集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="160"/>
        <source>Save search</source>
        <translation>儲存搜尋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="160"/>
        <source>Name of the saved search:</source>
        <translation>搜尋的名稱：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="164"/>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="170"/>
        <source>Saving the search</source>
        <translation>儲存搜尋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="174"/>
        <source>Rename</source>
        <translation>重新命名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="174"/>
        <source>New name:</source>
        <translation>新名稱：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="178"/>
        <source>Renaming a collection</source>
        <translation>重新命名收藏集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="183"/>
        <source>Delete collection</source>
        <translation>刪除收藏集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="184"/>
        <source>Delete the collection “%1”? The images stay in the library.</source>
        <translation>要刪除收藏集「%1」嗎？圖片仍會留在圖庫中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="187"/>
        <source>Deleting a collection</source>
        <translation>刪除收藏集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="209"/>
        <source>Moving images to the trash</source>
        <translation>將圖片移到垃圾桶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="215"/>
        <source>Moved 1 image to the trash.</source>
        <translation>已將 1 張圖片移到垃圾桶。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="216"/>
        <source>Moved %1 images to the trash.</source>
        <translation>已將 %1 張圖片移到垃圾桶。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="217"/>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="222"/>
        <source>Restoring images</source>
        <translation>還原圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="224"/>
        <source>Restored 1 image.</source>
        <translation>已還原 1 張圖片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="224"/>
        <source>Restored %1 images.</source>
        <translation>已還原 %1 張圖片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="228"/>
        <source>Empty trash</source>
        <translation>清空垃圾桶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="229"/>
        <source>Delete every image in the trash from the disk? This cannot be undone.</source>
        <translation>要從磁碟永久刪除垃圾桶裡的所有圖片嗎？此動作無法復原。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="232"/>
        <source>Emptying the trash</source>
        <translation>清空垃圾桶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="235"/>
        <source>Deleted 1 image for good.</source>
        <translation>已永久刪除 1 張圖片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="236"/>
        <source>Deleted %1 images for good.</source>
        <translation>已永久刪除 %1 張圖片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="239"/>
        <source>%1 could not be deleted and stay in the trash.</source>
        <translation>有 %1 張無法刪除，仍留在垃圾桶。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="253"/>
        <source>Import images</source>
        <translation>匯入圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="257"/>
        <source>Importing images</source>
        <translation>匯入圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="260"/>
        <source>Import a folder of images</source>
        <translation>匯入整個資料夾的圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="264"/>
        <source>Imported 1 image.</source>
        <translation>已匯入 1 張圖片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="264"/>
        <source>Imported %1 images.</source>
        <translation>已匯入 %1 張圖片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="266"/>
        <source>%1 carried prompts or settings.</source>
        <translation>其中 %1 張帶有提示詞或生成設定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="269"/>
        <source>%1 were already in the library.</source>
        <translation>有 %1 張已在圖庫中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="272"/>
        <source>%1 could not be imported.</source>
        <translation>有 %1 張無法匯入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="280"/>
        <source>Export to folder</source>
        <translation>匯出到資料夾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="284"/>
        <source>Exporting images</source>
        <translation>匯出圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="288"/>
        <source>Exported 1 image with a manifest to %2.</source>
        <translation>已將 1 張圖片連同清單匯出到 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="289"/>
        <source>Exported %1 images with a manifest to %2.</source>
        <translation>已將 %1 張圖片連同清單匯出到 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="291"/>
        <source>Open folder</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_commands.py" line="318"/>
        <source>Image copied to the clipboard.</source>
        <translation>已將圖片複製到剪貼簿。</translation>
    </message>
</context>
<context>
    <name>GalleryField</name>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="25"/>
        <source>Prompt</source>
        <translation>提示詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="26"/>
        <source>Negative prompt</source>
        <translation>負面提示詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="27"/>
        <source>Provider</source>
        <translation>供應商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="28"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="29"/>
        <source>Seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="30"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="31"/>
        <source>Width</source>
        <translation>寬度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="32"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="33"/>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="34"/>
        <source>CFG scale</source>
        <translation>CFG 強度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="35"/>
        <source>Sampler</source>
        <translation>取樣器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="36"/>
        <source>Quality</source>
        <translation>品質</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="37"/>
        <source>Style</source>
        <translation>風格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="38"/>
        <source>Cost</source>
        <translation>費用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="39"/>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="40"/>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="41"/>
        <source>File size</source>
        <translation>檔案大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="42"/>
        <source>Origin</source>
        <translation>來源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="43"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="44"/>
        <source>Job</source>
        <translation>工作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="45"/>
        <source>Prompt from</source>
        <translation>提示詞來源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="46"/>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="47"/>
        <source>Written by</source>
        <translation>寫入工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="48"/>
        <source>Creator tool</source>
        <translation>建立工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="49"/>
        <source>Digital source type</source>
        <translation>數位來源類型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="50"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="51"/>
        <source>Pixel size</source>
        <translation>像素尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="52"/>
        <source>Rating</source>
        <translation>評分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="53"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="54"/>
        <source>Parameters</source>
        <translation>參數</translation>
    </message>
</context>
<context>
    <name>GalleryMenus</name>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="29"/>
        <source>Open in default app</source>
        <translation>用預設應用程式開啟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="30"/>
        <source>Reveal in file manager</source>
        <translation>在檔案管理員中顯示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="31"/>
        <source>Copy image</source>
        <translation>複製圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="32"/>
        <source>Copy prompt</source>
        <translation>複製提示詞</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="34"/>
        <source>Generate again</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="35"/>
        <source>Use as template</source>
        <translation>當作範本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="36"/>
        <source>Compare side by side</source>
        <translation>並排比較</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="38"/>
        <source>Rating</source>
        <translation>評分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="41"/>
        <source>No rating</source>
        <translation>無評分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="43"/>
        <source>Mark as favourite</source>
        <translation>加入我的最愛</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="44"/>
        <source>Remove from favourites</source>
        <translation>從我的最愛移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="46"/>
        <source>Add to collection</source>
        <translation>加入收藏集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="52"/>
        <source>Remove from this collection</source>
        <translation>從這個收藏集移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="55"/>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="57"/>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="58"/>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="107"/>
        <source>Empty trash…</source>
        <translation>清空垃圾桶…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="60"/>
        <source>Move to trash</source>
        <translation>移到垃圾桶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="66"/>
        <source>Collections</source>
        <translation>收藏集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="78"/>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="108"/>
        <source>New collection…</source>
        <translation>新增收藏集…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="92"/>
        <source>Import files…</source>
        <translation>匯入檔案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="93"/>
        <source>Import a folder…</source>
        <translation>匯入資料夾…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="101"/>
        <source>Rename…</source>
        <translation>重新命名…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="103"/>
        <source>Replace with the current search</source>
        <translation>以目前的搜尋取代</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_menus.py" line="105"/>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
</context>
<context>
    <name>GalleryOrigin</name>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="19"/>
        <source>Generated here</source>
        <translation>本程式生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="20"/>
        <source>Imported</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="21"/>
        <source>From the cloud</source>
        <translation>來自雲端</translation>
    </message>
</context>
<context>
    <name>GallerySort</name>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="11"/>
        <source>Newest first</source>
        <translation>最新優先</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="12"/>
        <source>Oldest first</source>
        <translation>最舊優先</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="13"/>
        <source>Best rated</source>
        <translation>評分最高</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="14"/>
        <source>Most expensive</source>
        <translation>費用最高</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="15"/>
        <source>Least expensive</source>
        <translation>費用最低</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_view.py" line="169"/>
        <source>Empty trash…</source>
        <translation>清空垃圾桶…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_view.py" line="170"/>
        <source>Drop images on a collection, Favourites or Trash</source>
        <translation>可將圖片拖放到收藏集、我的最愛或垃圾桶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_view.py" line="260"/>
        <source>Searching the gallery</source>
        <translation>搜尋圖庫</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_view.py" line="300"/>
        <source>Counting the filters</source>
        <translation>計算篩選數量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_view.py" line="318"/>
        <source>Reading collections</source>
        <translation>讀取收藏集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_view.py" line="337"/>
        <source>1 image</source>
        <translation>1 張圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_view.py" line="338"/>
        <source>%1 images</source>
        <translation>%1 張圖片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_view.py" line="341"/>
        <source>%1 selected</source>
        <translation>已選取 %1 張</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/gallery_view.py" line="415"/>
        <source>Reading image details</source>
        <translation>讀取圖片詳細資料</translation>
    </message>
</context>
<context>
    <name>GalleryWriter</name>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="58"/>
        <source>This app</source>
        <translation>本程式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="59"/>
        <source>AUTOMATIC1111 / Forge</source>
        <translation>AUTOMATIC1111 / Forge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="60"/>
        <source>ComfyUI</source>
        <translation>ComfyUI</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="61"/>
        <source>InvokeAI</source>
        <translation>InvokeAI</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/labels.py" line="62"/>
        <source>XMP description</source>
        <translation>XMP 描述</translation>
    </message>
</context>
<context>
    <name>RatingView</name>
    <message>
        <location filename="../../desktop/ui/gallery/rating_view.py" line="26"/>
        <source>Rating: click a star; click it again to clear</source>
        <translation>評分：點一顆星；再點一次即清除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gallery/rating_view.py" line="27"/>
        <source>Rating</source>
        <translation>評分</translation>
    </message>
</context>
</TS>
